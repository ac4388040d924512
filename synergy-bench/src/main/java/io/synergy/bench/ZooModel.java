package io.synergy.bench;

import io.synergy.core.network.Model;

/**
 * A zoo model and the izer figures the benchmark relates it to: its MAC count and its modelled
 * MAX78000 latency in cycles (both from the shared zoo's profile.json).
 */
public record ZooModel(String name, Model model, long macs, long max78000Cycles) {

    /** The MAX78000 CNN clock. */
    public static final double MAX78000_CLOCK_HZ = 50e6;

    /** The modelled MAX78000 inference time in seconds: izer cycles / 50 MHz. */
    public double max78000Seconds() {
        return max78000Cycles / MAX78000_CLOCK_HZ;
    }
}

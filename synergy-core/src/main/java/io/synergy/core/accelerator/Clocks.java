package io.synergy.core.accelerator;

/**
 * The two clocks that time a segment: the CNN engine's clock (compute cycles) and the Arm core's
 * clock (the CPU copies inputs, outputs, weights and biases).
 */
public record Clocks(long cnnHz, long cpuHz) {

    public Clocks {
        if (cnnHz < 1 || cpuHz < 1) {
            throw new IllegalArgumentException("clocks: cnnHz and cpuHz must be >= 1, got " + cnnHz + ", " + cpuHz);
        }
    }

    public double cnnMicros(long cycles) {
        return cycles * 1e6 / cnnHz;
    }

    public double cpuMicros(long cycles) {
        return cycles * 1e6 / cpuHz;
    }
}

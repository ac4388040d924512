package io.synergy.gateway.application;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Model;

/**
 * A segment whose weights a device holds: the model, its cost on the device and the device's own
 * emulator for it. The emulator reuses buffers and is not thread-safe; a device runs one stage at
 * a time, so one per loaded segment is safe.
 */
public record LoadedSegment(SegmentKey key, String modelName, Model model, SegmentProfile profile, Emulator emulator) {

    public int fromLayer() {
        return key.fromLayer();
    }

    public int toLayer() {
        return key.toLayer();
    }
}

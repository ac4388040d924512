package io.synergy.gateway.application;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentProfile;

import java.util.Collection;

/**
 * Whether a device can keep the weights of all its segments loaded at once. When it cannot, running a
 * segment other than the one it ran last costs that segment's weight-load time again (DESIGN.md
 * section 5: "weight loading when a device switches between segments whose weights do not fit
 * together").
 *
 * <p>The test is conservative: the segments' kernel rows are stacked per processor (each segment's
 * {@code kernelRowsUsed}, the izer's highest row in use, one after another), their bias bytes and
 * their hardware layers are added, and each sum must stay within the device's kernel rows per
 * processor, bias memory and layer slots. A real allocator could pack some sets tighter; none that
 * this accepts fails.
 */
final class Residency {

    private Residency() {
    }

    static boolean fitTogether(Collection<SegmentProfile> profiles, AcceleratorSpec spec) {
        if (profiles.size() <= 1) {
            return true;
        }
        long rows = 0;
        long biasBytes = 0;
        long layers = 0;
        for (SegmentProfile profile : profiles) {
            rows += profile.resources().kernelRowsUsed();
            biasBytes += profile.resources().biasBytes();
            layers += profile.resources().layerCount();
        }
        return rows <= spec.kernelMemory().rowsPerProcessor() && biasBytes <= spec.biasMemory().totalBytes()
                && layers <= spec.maxLayers();
    }
}

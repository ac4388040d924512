package io.synergy.core.accelerator;

import java.util.List;
import java.util.Objects;

/**
 * What running one segment costs one device. Compute cycles are CNN-clock cycles (one startup cycle
 * plus the layers); load, unload and weight-load cycles are CPU-clock cycles
 * ({@link LoadingCostModel}). Bytes are the tensors crossing the segment's boundaries.
 *
 * @param inputBytes  bytes entering: {@code network.boundaryBytes(from)}
 * @param outputBytes bytes leaving: {@code network.boundaryBytes(to)}
 */
public record SegmentProfile(AcceleratorSpec spec, SegmentResources resources, long computeCycles,
                             long inputLoadCycles, long outputUnloadCycles, long weightLoadCycles,
                             long inputBytes, long outputBytes, List<LayerProfile> layers) {

    public SegmentProfile {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(resources, "resources");
        layers = List.copyOf(layers);
        if (computeCycles < 0 || inputLoadCycles < 0 || outputUnloadCycles < 0 || weightLoadCycles < 0
                || inputBytes < 0 || outputBytes < 0) {
            throw new IllegalArgumentException("segment profile: cycles and bytes must be >= 0");
        }
    }

    public int from() {
        return resources.from();
    }

    public int to() {
        return resources.to();
    }

    public double computeMicros() {
        return spec.clocks().cnnMicros(computeCycles);
    }

    /** Loading the input plus unloading the output, on the CPU. */
    public double ioMicros() {
        return spec.clocks().cpuMicros(inputLoadCycles + outputUnloadCycles);
    }

    public double weightLoadMicros() {
        return spec.clocks().cpuMicros(weightLoadCycles);
    }

    /** What one inference costs the device with its weights resident: compute plus I/O. */
    public double roundMicros() {
        return computeMicros() + ioMicros();
    }
}

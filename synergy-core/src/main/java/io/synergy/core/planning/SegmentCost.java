package io.synergy.core.planning;

import java.util.Objects;

/**
 * What running one segment once on one device costs, in microseconds of that device's time.
 *
 * @param computeMicros    the CNN engine's cycles for the segment over its clock
 * @param ioMicros         loading the segment's input into data memory and unloading its output
 * @param weightLoadMicros loading the segment's kernels and biases; paid per run only when the device
 *                         time-shares segments whose weights do not fit together
 * @param resources        what stays loaded while the segment is resident
 */
public record SegmentCost(double computeMicros, double ioMicros, double weightLoadMicros, ResourceUse resources) {

    public SegmentCost {
        if (!(computeMicros >= 0) || !(ioMicros >= 0) || !(weightLoadMicros >= 0)) {
            throw new IllegalArgumentException("segment cost: times must be >= 0, got compute " + computeMicros
                    + ", io " + ioMicros + ", weight load " + weightLoadMicros);
        }
        Objects.requireNonNull(resources, "resources");
    }

    /** One run: compute plus input and output transfer into and out of the accelerator. */
    public double roundMicros() {
        return computeMicros + ioMicros;
    }
}

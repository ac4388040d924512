package io.synergy.gateway.application;

import io.synergy.core.network.Activations;

/** Computes a stage's output tensors: with the emulator's arithmetic, or zeros in timing-only mode. */
public interface StageRunner {

    /**
     * @param input the bytes of the tensors live at the segment's first layer
     * @return the tensors live after its last layer
     * @throws IllegalArgumentException when the bytes do not match those tensors, naming the sizes
     */
    Activations run(LoadedSegment segment, byte[] input);

    /** Bit-exact: the device's emulator on the decoded activations. */
    static StageRunner arithmetic() {
        return (segment, input) -> segment.emulator().run(
                Activations.decode(input, segment.model().network(), segment.fromLayer()),
                segment.fromLayer(), segment.toLayer());
    }

    /**
     * Timing only: all-zero tensors of the right shapes, for fleets too large to compute. The input's
     * size is still checked, so a wrong route fails the same way in both modes.
     */
    static StageRunner timingOnly() {
        return (segment, input) -> {
            long expected = segment.model().network().boundaryBytes(segment.fromLayer());
            if (input.length != expected) {
                throw new IllegalArgumentException("activations at split " + segment.fromLayer() + " of "
                        + segment.modelName() + ": need " + expected + " bytes, got " + input.length);
            }
            return Activations.zeros(segment.model().network(), segment.toLayer());
        };
    }
}

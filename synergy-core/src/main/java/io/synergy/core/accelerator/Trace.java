package io.synergy.core.accelerator;

import io.synergy.core.network.Activations;
import java.util.List;

/** A traced run of layers [from, to): every layer's {@link LayerTrace} in order, and the run's result. */
public record Trace(List<LayerTrace> layers, Activations result) {

    public Trace {
        layers = List.copyOf(layers);
    }

    /** The trace of network layer {@code index}, which must lie in the traced range. */
    public LayerTrace layer(int index) {
        for (LayerTrace t : layers) {
            if (t.layer() == index) {
                return t;
            }
        }
        String ran = layers.isEmpty() ? "none"
                : layers.get(0).layer() + ".." + layers.get(layers.size() - 1).layer();
        throw new IllegalArgumentException("trace: layer " + index + " was not run (ran " + ran + ")");
    }
}

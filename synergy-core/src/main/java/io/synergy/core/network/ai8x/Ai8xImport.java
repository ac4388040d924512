package io.synergy.core.network.ai8x;

import io.synergy.core.network.Model;
import java.util.List;
import java.util.Objects;

/**
 * The result of importing an ai8x model: the runnable {@link Model} and, per layer with weights in
 * network order, what was taken from the checkpoint.
 */
public record Ai8xImport(Model model, List<ImportedLayer> layers) {

    public Ai8xImport {
        Objects.requireNonNull(model, "model");
        layers = List.copyOf(layers);
    }
}

package io.synergy.core.scenario;

import io.synergy.core.network.Network;
import java.util.List;

/** Resolves the model names scenarios use to networks. */
public interface ModelCatalog {

    /** The network of a model; the same instance for the same name. */
    Network network(String name);

    /** The names this catalogue knows, for error messages. */
    List<String> names();

    default boolean knows(String name) {
        return names().contains(name);
    }
}

package io.synergy.core.scenario;

import io.synergy.core.network.Network;
import io.synergy.core.zoo.Zoo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's zoo as a {@link ModelCatalog}: the eight models of the paper's evaluation by their zoo
 * names. Planning needs shapes, resources and cycles only, which do not depend on parameters, so the
 * architectures are used (no weights are generated); one instance per name, shared, so cost tables
 * computed for a network are reused.
 */
public final class ZooCatalog implements ModelCatalog {

    private static final Map<String, Network> NETWORKS = new ConcurrentHashMap<>();

    @Override
    public Network network(String name) {
        if (!knows(name)) {
            throw new ScenarioException("unknown model '" + name + "'; known: " + String.join(", ", names()));
        }
        return NETWORKS.computeIfAbsent(name, Zoo::architecture);
    }

    @Override
    public List<String> names() {
        return Zoo.names();
    }
}

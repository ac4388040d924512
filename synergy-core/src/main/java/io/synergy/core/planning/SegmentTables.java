package io.synergy.core.planning;

import io.synergy.core.network.Network;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache of {@link SegmentTable}s per network and device type over one {@link CostModel}. Planning
 * asks for the same segments again and again (every re-plan, every planner), so they are costed once.
 * Networks are keyed by identity.
 */
public final class SegmentTables {

    private final CostModel costModel;
    private final Map<Key, SegmentTable> tables = new ConcurrentHashMap<>();

    public SegmentTables(CostModel costModel) {
        this.costModel = Objects.requireNonNull(costModel, "costModel");
    }

    public CostModel costModel() {
        return costModel;
    }

    public SegmentTable table(Network network, String deviceType) {
        return tables.computeIfAbsent(new Key(network, deviceType),
                k -> SegmentTable.of(costModel, network, deviceType));
    }

    private static final class Key {
        private final Network network;
        private final String type;

        Key(Network network, String type) {
            this.network = network;
            this.type = type;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.network == network && k.type.equals(type);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(network) * 31 + type.hashCode();
        }
    }
}

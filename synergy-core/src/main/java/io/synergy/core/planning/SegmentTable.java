package io.synergy.core.planning;

import io.synergy.core.network.Network;
import java.util.Optional;

/**
 * Every segment [from, to) of one network that fits one device type, with its cost: the planners'
 * inner loops read these arrays instead of calling the cost model. Row {@code from} holds the
 * segments ending at {@code from + 1 .. maxTo(from)}; fitting is monotone (see {@link CostModel}).
 */
public final class SegmentTable {

    private final String deviceType;
    private final int layers;
    private final int[] maxTo;
    private final SegmentCost[][] costs;
    private final double[][] roundMicros;

    private SegmentTable(String deviceType, int layers, int[] maxTo, SegmentCost[][] costs) {
        this.deviceType = deviceType;
        this.layers = layers;
        this.maxTo = maxTo;
        this.costs = costs;
        this.roundMicros = new double[layers][];
        for (int from = 0; from < layers; from++) {
            roundMicros[from] = new double[costs[from].length];
            for (int i = 0; i < costs[from].length; i++) {
                roundMicros[from][i] = costs[from][i].roundMicros();
            }
        }
    }

    static SegmentTable of(CostModel model, Network network, String deviceType) {
        int n = network.size();
        int[] maxTo = new int[n];
        SegmentCost[][] costs = new SegmentCost[n][];
        for (int from = 0; from < n; from++) {
            java.util.List<SegmentCost> row = new java.util.ArrayList<>();
            for (int to = from + 1; to <= n; to++) {
                Optional<SegmentCost> c = model.segment(network, from, to, deviceType);
                if (c.isEmpty()) {
                    break;
                }
                row.add(c.get());
            }
            costs[from] = row.toArray(new SegmentCost[0]);
            maxTo[from] = from + row.size();
        }
        return new SegmentTable(deviceType, n, maxTo, costs);
    }

    /**
     * This table with every time (compute, I/O, weight load) multiplied by {@code factor}: a device
     * measured slower (> 1) or faster (< 1) than the model. Fitting is unchanged.
     */
    public SegmentTable scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor: must be finite and > 0, got " + factor);
        }
        if (factor == 1.0) {
            return this;
        }
        SegmentCost[][] scaled = new SegmentCost[layers][];
        for (int from = 0; from < layers; from++) {
            scaled[from] = new SegmentCost[costs[from].length];
            for (int i = 0; i < costs[from].length; i++) {
                SegmentCost c = costs[from][i];
                scaled[from][i] = new SegmentCost(c.computeMicros() * factor, c.ioMicros() * factor,
                        c.weightLoadMicros() * factor, c.resources());
            }
        }
        return new SegmentTable(deviceType, layers, maxTo, scaled);
    }

    public String deviceType() {
        return deviceType;
    }

    public int layers() {
        return layers;
    }

    /** The largest {@code to} such that [from, to) fits; {@code from} itself when not even one layer fits. */
    public int maxTo(int from) {
        return maxTo[from];
    }

    public boolean fits(int from, int to) {
        return to > from && to <= maxTo[from];
    }

    /** The cost of a fitting segment; throws for one that does not fit. */
    public SegmentCost cost(int from, int to) {
        if (!fits(from, to)) {
            throw new IllegalArgumentException("segment [" + from + ", " + to + ") does not fit a " + deviceType);
        }
        return costs[from][to - from - 1];
    }

    public double roundMicros(int from, int to) {
        return roundMicros[from][to - from - 1];
    }

    /** True when the whole network fits one device of this type. */
    public boolean fitsWhole() {
        return layers > 0 && maxTo[0] == layers;
    }
}

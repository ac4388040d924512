package io.synergy.core.planning;

import java.util.Arrays;

/**
 * The fleet's load per round from a set of placements: per device, compute microseconds (plus the
 * weight reloads when its resident segments do not fit together) and link microseconds. A pipeline
 * sustains one round per {@link #maxLoadMicros()}; adding a placement never lowers any load, which
 * makes a partial sum a valid lower bound for branch and bound.
 */
public final class LoadLedger {

    private final PlanningProblem problem;
    private final double[] compute;
    private final double[] reload;
    private final double[] link;
    private final long[] weightBytes;
    private final long[] biasBytes;
    private final int[] layers;
    private final int[] residents;
    private final PairLoads pairs;

    public LoadLedger(PlanningProblem problem) {
        this.problem = problem;
        int n = problem.deviceCount();
        compute = new double[n];
        reload = new double[n];
        link = new double[n];
        weightBytes = new long[n];
        biasBytes = new long[n];
        layers = new int[n];
        residents = new int[n];
        pairs = new PairLoads();
    }

    private LoadLedger(LoadLedger o) {
        problem = o.problem;
        compute = o.compute.clone();
        reload = o.reload.clone();
        link = o.link.clone();
        weightBytes = o.weightBytes.clone();
        biasBytes = o.biasBytes.clone();
        layers = o.layers.clone();
        residents = o.residents.clone();
        pairs = o.pairs.copy();
    }

    public LoadLedger copy() {
        return new LoadLedger(this);
    }

    public PlanningProblem problem() {
        return problem;
    }

    public void add(LoadContribution c) {
        apply(c, 1);
    }

    public void remove(LoadContribution c) {
        apply(c, -1);
    }

    private void apply(LoadContribution c, int sign) {
        for (int i = 0; i < c.computeDevice.length; i++) {
            int d = c.computeDevice[i];
            compute[d] = clean(compute[d] + sign * c.computeMicros[i]);
            reload[d] = clean(reload[d] + sign * c.reloadMicros[i]);
            ResourceUse r = c.resources[i];
            weightBytes[d] += sign * r.weightBytes();
            biasBytes[d] += sign * r.biasBytes();
            layers[d] += sign * r.layers();
            residents[d] += sign;
        }
        for (int i = 0; i < c.linkDevice.length; i++) {
            int d = c.linkDevice[i];
            link[d] = clean(link[d] + sign * c.linkMicros[i]);
        }
        for (int i = 0; i < c.pairKey.length; i++) {
            pairs.add(c.pairKey[i], sign * c.pairMicros[i]);
        }
    }

    /** Removing what was added leaves float dust; loads are never negative. */
    private static double clean(double v) {
        return v < 1e-9 ? 0 : v;
    }

    /** True when the device's resident segments fit its memory together (no reloads). */
    public boolean residentsFit(int d) {
        ResourceUse cap = problem.capacity(d);
        return residents[d] <= 1 || (weightBytes[d] <= cap.weightBytes() && biasBytes[d] <= cap.biasBytes()
                && layers[d] <= cap.layers());
    }

    /** Would the device's residents still fit together with one more segment of these resources? */
    public boolean residentsFitWith(int d, ResourceUse extra) {
        ResourceUse cap = problem.capacity(d);
        return residents[d] == 0 || (weightBytes[d] + extra.weightBytes() <= cap.weightBytes()
                && biasBytes[d] + extra.biasBytes() <= cap.biasBytes() && layers[d] + extra.layers() <= cap.layers());
    }

    public int residents(int d) {
        return residents[d];
    }

    /** Weight-reload microseconds per round the device would pay if its residents did not fit. */
    public double reloadMicros(int d) {
        return reload[d];
    }

    /** Compute microseconds per round, reloads included when they are due. */
    public double computeMicros(int d) {
        return residentsFit(d) ? compute[d] : compute[d] + reload[d];
    }

    public double linkMicros(int d) {
        return link[d];
    }

    /**
     * The busiest resource's microseconds per round; 0 for an empty ledger. Resources are each device's
     * compute and link, and odd groups of devices whose links the transfers among them saturate
     * ({@link PairLoads}): a group bound can only win when the busiest link is within 1.5x of the max.
     */
    public double maxLoadMicros() {
        double max = 0;
        double maxLink = 0;
        for (int d = 0; d < compute.length; d++) {
            max = Math.max(max, computeMicros(d));
            maxLink = Math.max(maxLink, link[d]);
        }
        max = Math.max(max, maxLink);
        if (1.5 * maxLink > max) {
            PairLoads.Group g = pairs.busiestGroup(link, max);
            if (g != null) {
                max = g.micros();
            }
        }
        return max;
    }

    /** Sum of squared loads: breaks ties between equal maxima in favour of the better balanced. */
    public double squaredLoad() {
        double s = 0;
        for (int d = 0; d < compute.length; d++) {
            double c = computeMicros(d);
            s += c * c + link[d] * link[d];
        }
        return s;
    }

    /**
     * The busiest resource, or null for an empty ledger. Among equals a device's compute comes before its
     * link, devices in fleet order, groups last.
     */
    public Resource bottleneck() {
        double max = 0;
        Resource best = null;
        for (int d = 0; d < compute.length; d++) {
            double c = computeMicros(d);
            if (c > max) {
                max = c;
                best = new Resource(problem.device(d).id(), Resource.Kind.COMPUTE);
            }
            if (link[d] > max) {
                max = link[d];
                best = new Resource(problem.device(d).id(), Resource.Kind.LINK);
            }
        }
        PairLoads.Group g = pairs.busiestGroup(link, max * (1 + PlanScore.TIE));
        return g == null ? best : group(g);
    }

    /** Odd groups of devices with transfers inside (see {@link PairLoads#oddGroups}). */
    java.util.List<int[]> oddGroups(int searchLimit) {
        return pairs.oddGroups(searchLimit);
    }

    /** The busiest odd group of links if it is busier than {@code floor} microseconds per round, else null. */
    public ResourceLoad busiestLinkGroup(double floor) {
        PairLoads.Group g = pairs.busiestGroup(link, floor);
        return g == null ? null : new ResourceLoad(group(g), g.micros(), 0);
    }

    private Resource group(PairLoads.Group g) {
        int[] members = g.members().clone();
        java.util.Arrays.sort(members);
        StringBuilder id = new StringBuilder();
        for (int m : members) {
            id.append(id.length() == 0 ? "" : "+").append(problem.device(m).id());
        }
        return new Resource(id.toString(), Resource.Kind.LINKS);
    }

    /** The load of one resource. */
    public double load(int device, Resource.Kind kind) {
        return kind == Resource.Kind.COMPUTE ? computeMicros(device) : link[device];
    }

    @Override
    public String toString() {
        return "LoadLedger[compute " + Arrays.toString(compute) + ", link " + Arrays.toString(link) + "]";
    }
}

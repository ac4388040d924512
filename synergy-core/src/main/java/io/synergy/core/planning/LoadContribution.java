package io.synergy.core.planning;


/**
 * What one placement adds to the fleet's resources per round, where a round is weight inferences of
 * its app. Per device: compute microseconds (segment runs), weight-reload microseconds (charged only
 * when the device's resident segments do not fit together), and the resources its segments keep
 * loaded; per device link: transfer microseconds, charged to both ends of every transfer.
 *
 * <p>Replicas serve requests round robin, request n on replica n mod k of each segment, so which
 * replica sends to which is fixed; the contribution follows that pairing exactly over one cycle of
 * lcm(k_0, k_1, ...) requests, which is what the simulator does too.
 */
public final class LoadContribution {

    /** Largest replica cycle followed request by request. */
    private static final int MAX_CYCLE = 5_040;

    final int[] computeDevice;
    final double[] computeMicros;
    final double[] reloadMicros;
    final ResourceUse[] resources;
    final int[] linkDevice;
    final double[] linkMicros;
    /** Transfer microseconds per device pair, keyed by {@link PairLoads#key}. */
    final long[] pairKey;
    final double[] pairMicros;
    private final Placement placement;

    private LoadContribution(Placement placement, int[] computeDevice, double[] computeMicros, double[] reloadMicros,
                             ResourceUse[] resources, int[] linkDevice, double[] linkMicros, long[] pairKey,
                             double[] pairMicros) {
        this.placement = placement;
        this.computeDevice = computeDevice;
        this.computeMicros = computeMicros;
        this.reloadMicros = reloadMicros;
        this.resources = resources;
        this.linkDevice = linkDevice;
        this.linkMicros = linkMicros;
        this.pairKey = pairKey;
        this.pairMicros = pairMicros;
    }

    public Placement placement() {
        return placement;
    }

    public static LoadContribution of(PlanningProblem problem, Placement p) {
        int app = p.app();
        double w = problem.weight(app);
        int k = p.segmentCount();
        long cycle = 1;
        int devices = 0;
        for (int j = 0; j < k; j++) {
            cycle = lcm(cycle, p.replicas(j).length);
            devices += p.replicas(j).length;
        }
        if (cycle > MAX_CYCLE) {
            throw new IllegalArgumentException("placement of app " + problem.app(app).id() + ": replica cycle "
                    + cycle + " exceeds " + MAX_CYCLE);
        }
        double share = w / cycle;
        // a device runs at most one segment of an app, so compute entries are keyed by device; the lists
        // are short (the plan's devices), so linear search beats hashing
        int[] cd = new int[devices];
        int[] cs = new int[devices];
        double[] cm = new double[devices];
        double[] rm = new double[devices];
        int nc = 0;
        int[] ld = new int[devices + 2];
        double[] lm = new double[devices + 2];
        int nl = 0;
        long[] pk = new long[2 * devices + 2];
        double[] pm = new double[2 * devices + 2];
        int np = 0;
        int layers = problem.layers(app);
        for (int n = 0; n < cycle; n++) {
            int prev = p.source();
            for (int j = 0; j <= k; j++) {
                int d;
                long bytes;
                if (j < k) {
                    int[] r = p.replicas(j);
                    d = r[(int) (n % r.length)];
                    bytes = problem.boundaryBytes(app, p.from(j));
                } else {
                    d = p.target();
                    bytes = problem.boundaryBytes(app, layers);
                }
                double x = problem.transferMicros(prev, d, bytes);
                if (x > 0) {
                    nl = addTo(ld, lm, nl, prev, share * x);
                    nl = addTo(ld, lm, nl, d, share * x);
                    long key = PairLoads.key(prev, d);
                    int i = 0;
                    while (i < np && pk[i] != key) {
                        i++;
                    }
                    if (i == np) {
                        if (np == pk.length) {
                            pk = java.util.Arrays.copyOf(pk, 2 * np);
                            pm = java.util.Arrays.copyOf(pm, 2 * np);
                        }
                        pk[np++] = key;
                    }
                    pm[i] += share * x;
                }
                if (j < k) {
                    SegmentCost cost = problem.table(app, d).cost(p.from(j), p.to(j));
                    int i = 0;
                    while (i < nc && cd[i] != d) {
                        i++;
                    }
                    if (i == nc) {
                        cd[nc] = d;
                        cs[nc] = j;
                        nc++;
                    }
                    cm[i] += share * cost.roundMicros();
                    rm[i] += share * cost.weightLoadMicros();
                }
                prev = d;
            }
        }
        ResourceUse[] res = new ResourceUse[nc];
        for (int i = 0; i < nc; i++) {
            res[i] = problem.table(app, cd[i]).cost(p.from(cs[i]), p.to(cs[i])).resources();
        }
        return new LoadContribution(p, java.util.Arrays.copyOf(cd, nc), java.util.Arrays.copyOf(cm, nc),
                java.util.Arrays.copyOf(rm, nc), res, java.util.Arrays.copyOf(ld, nl), java.util.Arrays.copyOf(lm, nl),
                java.util.Arrays.copyOf(pk, np), java.util.Arrays.copyOf(pm, np));
    }

    /** Adds to the entry of a device in parallel arrays of length {@code n}; returns the new length. */
    private static int addTo(int[] devices, double[] values, int n, int device, double value) {
        for (int i = 0; i < n; i++) {
            if (devices[i] == device) {
                values[i] += value;
                return n;
            }
        }
        devices[n] = device;
        values[n] = value;
        return n + 1;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** The largest load this contribution alone puts on any resource (reloads not counted). */
    public double ownMaxMicros() {
        double max = 0;
        for (double v : computeMicros) {
            max = Math.max(max, v);
        }
        for (double v : linkMicros) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Devices whose compute this contribution uses. */
    public int[] computeDevices() {
        return computeDevice.clone();
    }

    /** Devices whose link this contribution uses. */
    public int[] linkDevices() {
        return linkDevice.clone();
    }
}

package io.synergy.core.planning;

import java.util.LinkedHashMap;
import java.util.Map;

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
        for (int j = 0; j < k; j++) {
            cycle = lcm(cycle, p.replicas(j).length);
        }
        if (cycle > MAX_CYCLE) {
            throw new IllegalArgumentException("placement of app " + problem.app(app).id() + ": replica cycle "
                    + cycle + " exceeds " + MAX_CYCLE);
        }
        double share = w / cycle;
        // one entry per (segment, device) for compute; one per device for links
        Map<Long, double[]> compute = new LinkedHashMap<>();
        Map<Integer, double[]> link = new LinkedHashMap<>();
        Map<Long, double[]> pairs = new LinkedHashMap<>();
        for (int n = 0; n < cycle; n++) {
            int prev = p.source();
            for (int j = 0; j < k; j++) {
                int[] r = p.replicas(j);
                int d = r[(int) (n % r.length)];
                double x = problem.transferMicros(prev, d, problem.boundaryBytes(app, p.from(j)));
                if (x > 0) {
                    link.computeIfAbsent(prev, key -> new double[1])[0] += share * x;
                    link.computeIfAbsent(d, key -> new double[1])[0] += share * x;
                    pairs.computeIfAbsent(PairLoads.key(prev, d), key -> new double[1])[0] += share * x;
                }
                SegmentCost cost = problem.table(app, d).cost(p.from(j), p.to(j));
                double[] c = compute.computeIfAbsent(((long) j << 32) | d, key -> new double[2]);
                c[0] += share * cost.roundMicros();
                c[1] += share * cost.weightLoadMicros();
                prev = d;
            }
            double x = problem.transferMicros(prev, p.target(), problem.boundaryBytes(app, problem.layers(app)));
            if (x > 0) {
                link.computeIfAbsent(prev, key -> new double[1])[0] += share * x;
                link.computeIfAbsent(p.target(), key -> new double[1])[0] += share * x;
                pairs.computeIfAbsent(PairLoads.key(prev, p.target()), key -> new double[1])[0] += share * x;
            }
        }
        int nc = compute.size();
        int[] cd = new int[nc];
        double[] cm = new double[nc];
        double[] rm = new double[nc];
        ResourceUse[] res = new ResourceUse[nc];
        int i = 0;
        for (Map.Entry<Long, double[]> e : compute.entrySet()) {
            int j = (int) (e.getKey() >>> 32);
            int d = (int) (e.getKey() & 0xffffffffL);
            cd[i] = d;
            cm[i] = e.getValue()[0];
            rm[i] = e.getValue()[1];
            res[i] = problem.table(app, d).cost(p.from(j), p.to(j)).resources();
            i++;
        }
        int[] ld = new int[link.size()];
        double[] lm = new double[link.size()];
        i = 0;
        for (Map.Entry<Integer, double[]> e : link.entrySet()) {
            ld[i] = e.getKey();
            lm[i] = e.getValue()[0];
            i++;
        }
        long[] pk = new long[pairs.size()];
        double[] pm = new double[pairs.size()];
        i = 0;
        for (Map.Entry<Long, double[]> e : pairs.entrySet()) {
            pk[i] = e.getKey();
            pm[i] = e.getValue()[0];
            i++;
        }
        return new LoadContribution(p, cd, cm, rm, res, ld, lm, pk, pm);
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

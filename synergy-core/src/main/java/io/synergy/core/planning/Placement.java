package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link ExecutionPlan} in index form, for planners' inner loops: segment j covers layers
 * [cuts[j], cuts[j+1]) on the devices replicas[j]; the input comes from {@code source}, the result
 * goes to {@code target}. Immutable by convention (arrays are never changed after construction);
 * equal when all indices are equal.
 */
public final class Placement {

    private final int app;
    private final int source;
    private final int[] cuts;
    private final int[][] replicas;
    private final int target;
    private final int hash;

    public Placement(int app, int source, int[] cuts, int[][] replicas, int target) {
        if (cuts.length != replicas.length + 1 || replicas.length == 0) {
            throw new IllegalArgumentException("placement: " + replicas.length + " segments need "
                    + (replicas.length + 1) + " cuts, got " + cuts.length);
        }
        this.app = app;
        this.source = source;
        this.cuts = cuts;
        this.replicas = replicas;
        this.target = target;
        this.hash = ((app * 31 + source) * 31 + target) * 31 + Arrays.hashCode(cuts) * 17
                + Arrays.deepHashCode(replicas);
    }

    /** A plan without replication: one device per segment. */
    public static Placement chain(int app, int source, int[] cuts, int[] devices, int target) {
        int[][] r = new int[devices.length][];
        for (int j = 0; j < devices.length; j++) {
            r[j] = new int[] {devices[j]};
        }
        return new Placement(app, source, cuts, r, target);
    }

    public static Placement of(PlanningProblem problem, int app, ExecutionPlan plan) {
        List<Segment> segments = plan.segments();
        int[] cuts = new int[segments.size() + 1];
        int[][] replicas = new int[segments.size()][];
        for (int j = 0; j < segments.size(); j++) {
            Segment s = segments.get(j);
            cuts[j] = s.from();
            cuts[j + 1] = s.to();
            replicas[j] = s.devices().stream().mapToInt(id -> index(problem, plan, id)).toArray();
        }
        return new Placement(app, index(problem, plan, plan.sourceDevice()), cuts, replicas,
                index(problem, plan, plan.targetDevice()));
    }

    private static int index(PlanningProblem problem, ExecutionPlan plan, String id) {
        int i = problem.deviceIndex(id);
        if (i < 0) {
            throw new IllegalArgumentException("plan " + plan.appId() + ": device " + id + " is not in the space");
        }
        return i;
    }

    public ExecutionPlan toPlan(PlanningProblem problem) {
        List<Segment> segments = new ArrayList<>();
        for (int j = 0; j < replicas.length; j++) {
            List<String> ids = new ArrayList<>();
            for (int d : replicas[j]) {
                ids.add(problem.device(d).id());
            }
            segments.add(new Segment(cuts[j], cuts[j + 1], ids));
        }
        return new ExecutionPlan(problem.app(app).id(), problem.device(source).id(), segments,
                problem.device(target).id());
    }

    public int app() {
        return app;
    }

    public int source() {
        return source;
    }

    public int target() {
        return target;
    }

    public int segmentCount() {
        return replicas.length;
    }

    public int from(int segment) {
        return cuts[segment];
    }

    public int to(int segment) {
        return cuts[segment + 1];
    }

    /** The replica devices of a segment; do not modify. */
    public int[] replicas(int segment) {
        return replicas[segment];
    }

    public boolean uses(int device) {
        for (int[] r : replicas) {
            for (int d : r) {
                if (d == device) {
                    return true;
                }
            }
        }
        return false;
    }

    /** This placement with one more replica of a segment (appended; request n goes to n mod count). */
    public Placement withReplica(int segment, int device) {
        int[][] r = replicas.clone();
        r[segment] = Arrays.copyOf(replicas[segment], replicas[segment].length + 1);
        r[segment][replicas[segment].length] = device;
        return new Placement(app, source, cuts, r, target);
    }

    /** This placement with another source and target device. */
    public Placement withEndpoints(int newSource, int newTarget) {
        return new Placement(app, newSource, cuts, replicas, newTarget);
    }

    /** This placement with the split between segments {@code cut - 1} and {@code cut} moved to {@code position}. */
    public Placement withCut(int cut, int position) {
        if (cut < 1 || cut >= replicas.length || position <= cuts[cut - 1] || position >= cuts[cut + 1]) {
            throw new IllegalArgumentException("placement: cut " + cut + " cannot move to " + position);
        }
        int[] c = cuts.clone();
        c[cut] = position;
        return new Placement(app, source, c, replicas, target);
    }

    /** This placement with segment j split at {@code position}, its tail on {@code device} alone. */
    public Placement withSplit(int segment, int position, int device) {
        if (position <= cuts[segment] || position >= cuts[segment + 1]) {
            throw new IllegalArgumentException("placement: cannot split segment " + segment + " at " + position);
        }
        int k = replicas.length;
        int[] c = new int[k + 2];
        int[][] r = new int[k + 1][];
        System.arraycopy(cuts, 0, c, 0, segment + 1);
        c[segment + 1] = position;
        System.arraycopy(cuts, segment + 1, c, segment + 2, k - segment);
        System.arraycopy(replicas, 0, r, 0, segment + 1);
        r[segment + 1] = new int[] {device};
        System.arraycopy(replicas, segment + 1, r, segment + 2, k - segment - 1);
        return new Placement(app, source, c, r, target);
    }

    /** This placement with segments j and j + 1 merged onto the given devices. */
    public Placement withMerge(int segment, int[] devices) {
        int k = replicas.length;
        int[] c = new int[k];
        int[][] r = new int[k - 1][];
        System.arraycopy(cuts, 0, c, 0, segment + 1);
        System.arraycopy(cuts, segment + 2, c, segment + 1, k - segment - 1);
        System.arraycopy(replicas, 0, r, 0, segment);
        r[segment] = devices;
        System.arraycopy(replicas, segment + 2, r, segment + 1, k - segment - 2);
        return new Placement(app, source, c, r, target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement p && p.hash == hash && p.app == app && p.source == source
                && p.target == target && Arrays.equals(p.cuts, cuts) && Arrays.deepEquals(p.replicas, replicas);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Placement[app " + app + ", src " + source + ":");
        for (int j = 0; j < replicas.length; j++) {
            sb.append(" [").append(cuts[j]).append(',').append(cuts[j + 1]).append(")@")
                    .append(Arrays.toString(replicas[j]));
        }
        return sb.append(" -> ").append(target).append(']').toString();
    }
}

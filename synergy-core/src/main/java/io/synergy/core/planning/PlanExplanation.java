package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A readable account of a plan set: per app where its input comes from, which device runs which
 * layers, where the result goes, its estimated throughput and latency and what limits it; then the
 * busiest resources of the fleet.
 */
public final class PlanExplanation {

    private static final int BUSIEST = 5;

    private PlanExplanation() {
    }

    public static String of(VirtualComputingSpace space, List<App> apps, PlanSet plans, Estimate estimate) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "planner %s, epoch %d: %s%n", plans.planner(), plans.epoch(),
                plans.placedAll()
                        ? String.format(Locale.ROOT, "all %d apps run together at %.2f inferences/s each (x weight),"
                        + " %.2f/s in sum", apps.size(), estimate.throughput(), estimate.sumThroughput())
                        : String.format(Locale.ROOT, "%d of %d apps placed (%s unplaced, scoring zero); "
                        + "%.2f/s in sum", plans.plans().size(), apps.size(), String.join(", ", plans.unplaced()),
                        estimate.sumThroughput())));
        for (App app : apps) {
            AppEstimate e = estimate.app(app.id());
            s.append(String.format(Locale.ROOT, "%n%s (%s, %d layers, %s -> %s, %s)%n", app.id(), app.model(),
                    app.network().size(), app.source().id(), app.target().id(),
                    app.wantsRate() ? "wants " + trim(app.wantedRate()) + "/s" : "weight " + trim(app.weight())));
            var plan = plans.plan(app.id());
            if (plan.isEmpty()) {
                s.append("  not placed: no chain of segments fits the fleet\n");
                continue;
            }
            ExecutionPlan p = plan.get();
            s.append(String.format(Locale.ROOT, "  input from %s (%s, %,d bytes)%n", p.sourceDevice(),
                    app.source().id(), app.network().boundaryBytes(0)));
            for (Segment seg : p.segments()) {
                s.append(String.format(Locale.ROOT, "  layers [%d, %d) on %s%s, %,d bytes in%n", seg.from(), seg.to(),
                        String.join(" + ", seg.devices()), seg.replicated() ? " (replicas, round robin)" : "",
                        app.network().boundaryBytes(seg.from())));
            }
            s.append(String.format(Locale.ROOT, "  result to %s (%s, %,d bytes)%n", p.targetDevice(), app.target().id(),
                    app.network().boundaryBytes(app.network().size())));
            s.append(String.format(Locale.ROOT, "  %.2f inferences/s, latency %.2f ms, limited by %s%n", e.throughput(),
                    e.latencyMillis(), e.bottleneck()));
        }
        List<ResourceLoad> busiest = new ArrayList<>(estimate.loads());
        busiest.removeIf(l -> l.microsPerRound() <= 0);
        busiest.sort(Comparator.comparingDouble(ResourceLoad::utilization).reversed());
        if (!busiest.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nbusiest resources (share of time in use at the joint rate):%n"));
            for (ResourceLoad l : busiest.subList(0, Math.min(BUSIEST, busiest.size()))) {
                s.append(String.format(Locale.ROOT, "  %-28s %5.1f %%  (%.0f us per round)%n", l.resource(),
                        100 * l.utilization(), l.microsPerRound()));
            }
        }
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

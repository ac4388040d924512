package io.synergy.cli;

import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.App;
import io.synergy.core.planning.CostModel;
import io.synergy.core.planning.Estimate;
import io.synergy.core.planning.ExhaustivePlanner;
import io.synergy.core.planning.InstanceTooLargeException;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.ThroughputBound;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.planning.baseline.Baselines;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.scenario.Scenario;
import io.synergy.core.scenario.ZooCatalog;
import io.synergy.core.simulation.PipelineSimulator;
import io.synergy.core.simulation.SimulationConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The paper's comparison on a scenario suite: every planner's joint throughput (the rate at which all
 * apps run together; an app a planner cannot place makes it zero) and sum of throughputs, Synergy's
 * ratio to each baseline, to the exhaustive optimum where the scenario is small enough, else to the
 * upper bound, and the simulator's check of Synergy's plan.
 */
final class PlannerComparison {

    static final String SYNERGY = SynergyPlanner.NAME;

    /** One scenario's figures; maps are keyed by planner name. */
    record Row(Scenario scenario, Map<String, Double> throughput, Map<String, Double> sumThroughput,
               Map<String, Double> planningMillis, Double optimum, double bound, double simulated,
               double costingMillis) {

        double synergy() {
            return throughput.get(SYNERGY);
        }
    }

    private PlannerComparison() {
    }

    static List<String> baselines() {
        return Baselines.all().stream().map(Planner::name).toList();
    }

    /** Runs every planner on every scenario; {@code progress} hears (done, scenario) after each. */
    static List<Row> run(List<Scenario> suite, BiConsumer<Integer, Scenario> progress) {
        CostModel costs = new AcceleratorCostModel();
        ZooCatalog zoo = new ZooCatalog();
        ThroughputEstimator estimator = new ThroughputEstimator();
        List<Planner> planners = new ArrayList<>();
        planners.add(new SynergyPlanner());
        planners.addAll(Baselines.all());
        List<Row> rows = new ArrayList<>();
        for (Scenario s : suite) {
            VirtualComputingSpace space = s.space(costs);
            List<App> apps = s.apps(zoo);
            long costing = System.nanoTime();
            PlanningProblem problem = PlanningProblem.of(space, apps);
            double costingMillis = (System.nanoTime() - costing) / 1e6;
            Map<String, Double> throughput = new LinkedHashMap<>();
            Map<String, Double> sum = new LinkedHashMap<>();
            Map<String, Double> millis = new LinkedHashMap<>();
            PlanSet synergyPlans = null;
            for (Planner p : planners) {
                long start = System.nanoTime();
                PlanSet plans = p.plan(space, apps);
                millis.put(p.name(), (System.nanoTime() - start) / 1e6);
                Estimate e = estimator.estimate(space, apps, plans);
                throughput.put(p.name(), e.throughput());
                sum.put(p.name(), e.sumThroughput());
                if (p.name().equals(SYNERGY)) {
                    synergyPlans = plans;
                }
            }
            Double optimum;
            try {
                long start = System.nanoTime();
                PlanSet exact = new ExhaustivePlanner().plan(space, apps);
                millis.put(ExhaustivePlanner.NAME, (System.nanoTime() - start) / 1e6);
                optimum = estimator.estimate(space, apps, exact).throughput();
            } catch (InstanceTooLargeException e) {
                optimum = null;
            }
            double simulated = new PipelineSimulator(SimulationConfig.saturated()).run(space, apps, synergyPlans)
                    .throughput();
            rows.add(new Row(s, throughput, sum, millis, optimum, ThroughputBound.rate(problem), simulated,
                    costingMillis));
            progress.accept(rows.size(), s);
        }
        return rows;
    }

    /** Mean ratios of Synergy to one baseline (or to all pooled). Infinite ratios (baseline zero) are counted, not averaged. */
    record Ratios(double ratioOfMeans, double arithmeticMean, double geometricMean, int finite, int baselineZero) {
    }

    static Ratios ratios(List<Row> rows, List<String> baselines) {
        double synergySum = 0;
        double baselineSum = 0;
        int baselineCount = 0;
        double arithmetic = 0;
        double logSum = 0;
        int finite = 0;
        int zero = 0;
        for (Row r : rows) {
            synergySum += r.synergy();
            for (String b : baselines) {
                double t = r.throughput().get(b);
                baselineSum += t;
                baselineCount++;
                if (r.synergy() <= 0) {
                    continue;
                }
                if (t <= 0) {
                    zero++;
                } else {
                    double ratio = r.synergy() / t;
                    arithmetic += ratio;
                    logSum += Math.log(ratio);
                    finite++;
                }
            }
        }
        double synergyMean = synergySum / rows.size();
        double baselineMean = baselineSum / baselineCount;
        return new Ratios(baselineMean > 0 ? synergyMean / baselineMean : Double.NaN,
                finite > 0 ? arithmetic / finite : Double.NaN, finite > 0 ? Math.exp(logSum / finite) : Double.NaN,
                finite, zero);
    }
}

package io.synergy.core.planning.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.planning.Estimate;
import io.synergy.core.planning.ExhaustivePlanner;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.RandomInstances;
import io.synergy.core.planning.ThroughputEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.LongStream;

class SynergyVersusExhaustiveTest {

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void synergyIsWithinFivePercentOfTheOptimumOnSmallRandomInstances(long seed) {
        RandomInstances inst = RandomInstances.of(seed, 2 + (int) (seed % 3), 1 + (int) (seed % 2), 7);
        ThroughputEstimator estimator = new ThroughputEstimator();
        PlanSet optimal = new ExhaustivePlanner().plan(inst.space, inst.apps);
        PlanSet synergy = new SynergyPlanner().plan(inst.space, inst.apps);
        Estimate best = estimator.estimate(inst.space, inst.apps, optimal);
        Estimate ours = estimator.estimate(inst.space, inst.apps, synergy);
        String figures = String.format("seed %d: synergy %.3f optimum %.3f", seed, ours.placedRate(),
                best.placedRate());
        assertThat(synergy.unplaced()).as(figures).hasSameSizeAs(optimal.unplaced());
        assertThat(ours.placedRate()).as(figures).isGreaterThanOrEqualTo(0.95 * best.placedRate());
        assertThat(ours.placedRate()).isLessThanOrEqualTo(best.placedRate() * (1 + 1e-9));
    }
}

package io.synergy.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.planning.catalog.PlannerCatalog;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.LinkPreset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExhaustivePlannerTest {

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    static double rate(RandomInstances inst, PlanSet plans) {
        return new ThroughputEstimator().estimate(inst.space, inst.apps, plans).placedRate();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void addingADeviceNeverLowersTheOptimum(long seed) {
        RandomInstances small = RandomInstances.of(seed, 3, 1 + (int) (seed % 2), 6);
        List<Device> more = new ArrayList<>(small.space.devices());
        more.add(new Device("extra", seed % 2 == 0 ? TestCostModel.MAX78002 : TestCostModel.MAX78000,
                Set.of(Capability.HAPTIC), LinkPreset.values()[(int) (seed % 5)].link()));
        VirtualComputingSpace larger = VirtualComputingSpace.of(new TestCostModel(), more);

        double before = rate(small, new ExhaustivePlanner().plan(small.space, small.apps));
        double after = new ThroughputEstimator().estimate(larger, small.apps,
                new ExhaustivePlanner().plan(larger, small.apps)).placedRate();

        assertThat(after).isGreaterThanOrEqualTo(before * (1 - 1e-9));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noPlannerBeatsTheOptimumAndTheOptimumStaysUnderTheBound(long seed) {
        RandomInstances inst = RandomInstances.of(seed, 2 + (int) (seed % 3), 1 + (int) (seed % 2), 6);
        PlanSet optimal = new ExhaustivePlanner().plan(inst.space, inst.apps);
        double best = rate(inst, optimal);

        for (Planner p : PlannerCatalog.all()) {
            PlanSet plans = p.plan(inst.space, inst.apps);
            if (plans.unplaced().size() == optimal.unplaced().size()) {
                assertThat(rate(inst, plans)).as(p.name()).isLessThanOrEqualTo(best * (1 + 1e-9));
            } else {
                assertThat(plans.unplaced().size()).as(p.name()).isGreaterThan(optimal.unplaced().size());
            }
        }
        assertThat(best).isLessThanOrEqualTo(ThroughputBound.rate(PlanningProblem.of(inst.space, inst.apps))
                * (1 + 1e-9));
    }

    @Test
    void refusesAFleetBeyondItsLimitNamingIt() {
        RandomInstances inst = RandomInstances.of(3, 6, 1, 5);

        assertThatThrownBy(() -> new ExhaustivePlanner().plan(inst.space, inst.apps))
                .isInstanceOf(InstanceTooLargeException.class)
                .hasMessage("exhaustive search: 6 devices exceed the limit of 5");
    }

    @Test
    void refusesTooManyPlacementsNamingTheApp() {
        RandomInstances inst = RandomInstances.of(3, 4, 1, 8);
        ExhaustivePlanner tight = new ExhaustivePlanner(new ExhaustivePlanner.Limits(5, 10, 1_000_000L, 1_000_000L, 8));

        assertThatThrownBy(() -> tight.plan(inst.space, inst.apps))
                .isInstanceOf(InstanceTooLargeException.class)
                .hasMessage("exhaustive search: app app0 has more than 10 placements on 4 devices");
    }
}

package io.synergy.gateway.application;

import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Model;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.gateway.TinyModels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentLoaderTest {

    private static final Model MODEL = TinyModels.classifier("tiny", 3);
    private static final SegmentCostModel COSTS = new SegmentCostModel();
    private static final DeviceRef A = new DeviceRef("dev-a", "gw");
    private static final DeviceRef B = new DeviceRef("dev-b", "gw");
    private static final DeviceRef ELSEWHERE = new DeviceRef("dev-x", "gw-other");

    private final ManualDeviceClock clock = new ManualDeviceClock();
    private final ModelCatalog catalog = new ModelCatalog(2);
    private final List<String> loaded = new ArrayList<>();
    private final StageScheduler.SchedulerTiming timing = new StageScheduler.SchedulerTiming(clock, new TimeScale(10));
    private final StageScheduler scheduler = new StageScheduler(List.of(
            new DeviceSetup("dev-a", AcceleratorSpec.MAX78000, List.of(), null, new LinkModel(1000, 0), 100),
            new DeviceSetup("dev-b", AcceleratorSpec.MAX78000, List.of(), null, new LinkModel(1000, 0), 100)),
            4, timing, StageRunner.arithmetic(), new RecordingSink(clock));
    private final SegmentLoader loader = new SegmentLoader("gw", scheduler, catalog, COSTS, timing,
            (deviceId, epoch) -> loaded.add(deviceId + "@" + epoch));

    private static PlanSetPublished plan(long epoch, DeviceRef first, DeviceRef second) {
        AppPlan app = new AppPlan("app", "tiny", new PlanEnds(first, second),
                List.of(new SegmentPlacement(0, 2, List.of(first)), new SegmentPlacement(2, 3, List.of(second))),
                new PlanEstimate(10, 5, "device dev-a compute", "test"));
        return new PlanSetPublished(epoch, "test", List.of(app), List.of());
    }

    private static long weightLoadNanos(int from, int to) {
        return new TimeScale(10).hostNanos(COSTS.profile(MODEL.network(), from, to, AcceleratorSpec.MAX78000)
                .weightLoadMicros());
    }

    @Test
    void loadsTheSegmentsPlacedOnItsDevicesAfterTheirScaledWeightLoadTimeAndReportsReadiness() {
        catalog.register("tiny", ModelPackage.write(MODEL));
        loader.planPublished(plan(1, A, B));
        long loadA = weightLoadNanos(0, 2);
        long loadB = weightLoadNanos(2, 3);

        clock.advanceBy(Math.min(loadA, loadB) - 1);
        assertThat(loaded).isEmpty();
        clock.advanceBy(Math.max(loadA, loadB));

        assertThat(loaded).containsExactlyInAnyOrder("dev-a@1", "dev-b@1");
        assertThat(scheduler.state("dev-a").orElseThrow().loadedSegments()).containsExactly("app:0-2");
        assertThat(scheduler.state("dev-b").orElseThrow().loadedSegments()).containsExactly("app:2-3");
        assertThat(scheduler.loadedEpoch("dev-a")).isEqualTo(1);
        assertThat(loadA).isPositive();
    }

    @Test
    void aPlanWhoseModelHasNotArrivedWaitsForIt() {
        loader.planPublished(plan(1, A, B));
        clock.advanceBy(1_000_000_000L);
        assertThat(loaded).isEmpty();

        catalog.register("tiny", ModelPackage.write(MODEL));
        loader.modelsChanged();
        clock.advanceBy(1_000_000_000L);

        assertThat(loaded).containsExactlyInAnyOrder("dev-a@1", "dev-b@1");
    }

    @Test
    void aDeviceKeepingItsSegmentsInANewEpochIsReadyWithoutReloadingWeights() {
        catalog.register("tiny", ModelPackage.write(MODEL));
        loader.planPublished(plan(1, A, B));
        clock.advanceBy(1_000_000_000L);
        LoadedSegment before = scheduler.segmentsOf("dev-a").get(new SegmentKey("app", 0, 2));

        loader.planPublished(plan(2, A, B));
        clock.runDue();

        assertThat(loaded).contains("dev-a@2", "dev-b@2");
        assertThat(scheduler.segmentsOf("dev-a").get(new SegmentKey("app", 0, 2))).isSameAs(before);
    }

    @Test
    void aDeviceWithNothingPlacedOnItStillReportsReadinessForTheEpochAndDropsItsOldSegments() {
        catalog.register("tiny", ModelPackage.write(MODEL));
        loader.planPublished(plan(1, A, B));
        clock.advanceBy(1_000_000_000L);

        loader.planPublished(plan(2, A, ELSEWHERE));
        clock.advanceBy(1_000_000_000L);

        assertThat(loaded).contains("dev-b@2");
        assertThat(scheduler.state("dev-b").orElseThrow().loadedSegments()).isEmpty();
        assertThat(scheduler.loadedEpoch("dev-b")).isEqualTo(2);
    }

    @Test
    void ignoresAPlanSetOlderThanTheLatestSeen() {
        catalog.register("tiny", ModelPackage.write(MODEL));
        loader.planPublished(plan(5, A, B));
        loader.planPublished(plan(4, B, A));
        clock.advanceBy(1_000_000_000L);

        assertThat(loaded).containsExactlyInAnyOrder("dev-a@5", "dev-b@5");
        assertThat(loader.latestEpoch()).isEqualTo(5);
    }

    @Test
    void findsTheSegmentsOfItsOwnDevicesAmongTheReplicas() {
        AppPlan replicated = new AppPlan("app", "tiny", new PlanEnds(A, A),
                List.of(new SegmentPlacement(0, 2, List.of(ELSEWHERE, A)), new SegmentPlacement(2, 3, List.of(A))),
                new PlanEstimate(10, 5, "device dev-a compute", "test"));

        List<SegmentAssignment> assignments = loader.assignments(
                new PlanSetPublished(1, "test", List.of(replicated), List.of()), "dev-a");

        assertThat(assignments).extracting(SegmentAssignment::key)
                .containsExactly(new SegmentKey("app", 0, 2), new SegmentKey("app", 2, 3));
        assertThat(loader.assignments(new PlanSetPublished(1, "test", List.of(replicated), List.of()), "dev-b"))
                .isEmpty();
    }
}

package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.tensor.Tensor;
import io.synergy.gateway.TinyModels;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StageSchedulerTest {

    private static final Model MODEL = TinyModels.classifier("tiny", 7);
    private static final SegmentCostModel COSTS = new SegmentCostModel();
    private static final LinkModel LINK = new LinkModel(100_000, 500);
    private static final String ROUTE = "gw/dev-a:0-2;gw/dev-b:2-3";

    private final ManualDeviceClock clock = new ManualDeviceClock();
    private final RecordingSink sink = new RecordingSink(clock);

    private StageScheduler scheduler(double timeScale, int queueCapacity, StageRunner runner) {
        List<DeviceSetup> setups = List.of(
                new DeviceSetup("dev-a", AcceleratorSpec.MAX78000, List.of("camera"), null, LINK, 90),
                new DeviceSetup("dev-b", AcceleratorSpec.MAX78000, List.of(), null, LINK, 100));
        StageScheduler scheduler = new StageScheduler(setups, queueCapacity,
                new StageScheduler.SchedulerTiming(clock, new TimeScale(timeScale)), runner, sink);
        scheduler.install("dev-a", 3, Map.of(segment(0, 2).key(), segment(0, 2)));
        scheduler.install("dev-b", 3, Map.of(segment(2, 3).key(), segment(2, 3)));
        return scheduler;
    }

    private static LoadedSegment segment(int from, int to) {
        return new LoadedSegment(new SegmentKey("app", from, to), "tiny", MODEL,
                COSTS.profile(MODEL.network(), from, to, AcceleratorSpec.MAX78000), new Emulator(MODEL));
    }

    private static Stage firstStage(String requestId, long epoch, long seed) {
        Tensor input = TinyModels.input(MODEL, seed);
        ActivationHeaders headers = new ActivationHeaders(
                new Dispatch(requestId, "app", epoch, Route.parse(ROUTE), Instant.parse("2026-11-27T10:00:00Z")), 0,
                new TensorDescriptor(TensorDatatype.INT8, List.of(4, 8, 8)));
        return new Stage(headers, Activations.input(input).encode());
    }

    private static long modelledNanos(int from, int to, double timeScale) {
        return new TimeScale(timeScale).hostNanos(segment(from, to).profile().roundMicros());
    }

    @Test
    void completesAStageAfterItsModelledComputeAndIoTimeScaledByTheFleetTimeScale() {
        StageScheduler scheduler = scheduler(10, 4, StageRunner.arithmetic());
        long modelled = modelledNanos(0, 2, 10);
        long transfer = new TimeScale(10).hostNanos(LINK.transferMicros(MODEL.network().boundaryBytes(2)));

        scheduler.submit(firstStage("r1", 3, 1));
        clock.advanceBy(modelled + transfer - 1);
        assertThat(sink.forwarded).isEmpty();
        clock.advanceBy(1);

        assertThat(sink.forwarded).singleElement().satisfies(f -> {
            assertThat(f.atNanos()).isEqualTo(modelled + transfer);
            assertThat(f.headers().stageIndex()).isEqualTo(1);
            assertThat(f.headers().topicName()).isEqualTo("synergy.activations.gw");
            assertThat(f.headers().tensor()).isEqualTo(new TensorDescriptor(TensorDatatype.INT8, List.of(8, 4, 4)));
        });
        assertThat(modelled).isEqualTo(Math.round(segment(0, 2).profile().roundMicros() * 10_000));
    }

    @Test
    void reportsEachDevicesMeasuredServiceTimesInFleetTimeOncePerWindow() {
        StageScheduler scheduler = scheduler(10, 4, StageRunner.timingOnly());
        scheduler.submit(firstStage("r1", 3, 1));
        scheduler.submit(firstStage("r2", 3, 2));
        clock.advanceBy(2 * modelledNanos(0, 2, 10));

        List<ServiceTimeWindow> windows = scheduler.drainServiceTimes();

        // this clock stands still while a stage computes, so a stage takes exactly its modelled time
        double modelledMicros = segment(0, 2).profile().roundMicros();
        assertThat(windows).singleElement().satisfies(window -> {
            assertThat(window.deviceId()).isEqualTo("dev-a");
            assertThat(window.loadedEpoch()).isEqualTo(3);
            assertThat(window.segments()).singleElement().satisfies(segment -> {
                assertThat(segment.key()).isEqualTo(new SegmentKey("app", 0, 2));
                assertThat(segment.modelName()).isEqualTo("tiny");
                assertThat(segment.stages()).isEqualTo(2);
                assertThat(segment.measuredMicros()).isCloseTo(modelledMicros, within(1e-3));
                assertThat(segment.modelledMicros()).isCloseTo(modelledMicros, within(1e-3));
            });
        });
        assertThat(scheduler.drainServiceTimes()).as("a window is reported once").isEmpty();
    }

    @Test
    void runsOneStageAtATimePerDeviceInArrivalOrder() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());
        long modelled = modelledNanos(0, 2, 1);

        scheduler.submit(firstStage("r1", 3, 1));
        scheduler.submit(firstStage("r2", 3, 2));
        clock.runDue();
        assertThat(scheduler.state("dev-a").orElseThrow()).satisfies(s -> {
            assertThat(s.busy()).isTrue();
            assertThat(s.queueDepth()).isEqualTo(1);
        });
        clock.advanceBy(2 * modelled + 1_000_000_000L);

        assertThat(sink.forwarded).extracting(f -> f.headers().dispatch().requestId()).containsExactly("r1", "r2");
        long transfer = LINK.transferMicros(MODEL.network().boundaryBytes(2)) > 0
                ? new TimeScale(1).hostNanos(LINK.transferMicros(MODEL.network().boundaryBytes(2))) : 0;
        // the second starts when the first finishes, and its transfer queues behind the first on the link
        assertThat(sink.forwarded.get(0).atNanos()).isEqualTo(modelled + transfer);
        assertThat(sink.forwarded.get(1).atNanos()).isEqualTo(Math.max(2 * modelled, modelled + transfer) + transfer);
        assertThat(scheduler.state("dev-a").orElseThrow().stagesRun()).isEqualTo(2);
    }

    @Test
    void splitExecutionOverTwoDevicesEqualsTheWholeModelBitForBit() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());
        for (long seed = 1; seed <= 5; seed++) {
            scheduler.submit(firstStage("r" + seed, 3, seed));
        }
        clock.advanceBy(1_000_000_000L);
        for (RecordingSink.Forwarded f : List.copyOf(sink.forwarded)) {
            scheduler.submit(new Stage(f.headers(), f.value()));
        }
        clock.advanceBy(1_000_000_000L);

        assertThat(sink.completed).hasSize(5);
        for (RecordingSink.Completed c : sink.completed) {
            long seed = Long.parseLong(c.event().requestId().substring(1));
            Tensor whole = new Emulator(MODEL).run(TinyModels.input(MODEL, seed)).tensor(2);
            assertThat(c.event().output()).isEqualTo(new WireTensor(TensorDatatype.INT32, List.of(10, 1, 1),
                    whole.toIntArray()));
            assertThat(c.event().model()).isEqualTo("tiny");
            assertThat(c.event().epoch()).isEqualTo(3);
        }
    }

    @Test
    void timingOnlyModeProducesZeroTensorsOfTheRightShapeInTheSameTime() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.timingOnly());
        scheduler.submit(firstStage("r1", 3, 1));
        clock.advanceBy(1_000_000_000L);

        RecordingSink.Forwarded f = sink.forwarded.get(0);
        assertThat(f.value()).hasSize(128).containsOnly((byte) 0);
        assertThat(f.headers().tensor().shape()).containsExactly(8, 4, 4);
    }

    @Test
    void answersAStageOfAnOlderEpochThanTheLoadedOneWithARejection() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());

        assertThat(scheduler.submit(firstStage("old", 2, 1))).isEqualTo(StageScheduler.Admission.REJECTED);

        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StageRejection.STALE_EPOCH);
            assertThat(r.loadedEpoch()).isEqualTo(3);
            assertThat(r.epoch()).isEqualTo(2);
            assertThat(r.deviceId()).isEqualTo("dev-a");
            assertThat(r.message()).contains("epoch 2", "epoch 3");
        });
    }

    @Test
    void answersAStageWhoseSegmentIsNotLoadedWithARejection() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());
        scheduler.install("dev-a", 4, Map.of());

        assertThat(scheduler.submit(firstStage("r1", 4, 1))).isEqualTo(StageScheduler.Admission.REJECTED);

        assertThat(sink.rejected).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(StageRejection.SEGMENT_NOT_LOADED));
    }

    @Test
    void rejectsAQueuedStageWhenANewerEpochLoadsBeforeItStarts() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());
        scheduler.submit(firstStage("r1", 3, 1));
        scheduler.submit(firstStage("r2", 3, 2));
        clock.runDue();
        scheduler.install("dev-a", 4, Map.of(segment(0, 2).key(), segment(0, 2)));
        clock.advanceBy(1_000_000_000L);

        assertThat(sink.forwarded).extracting(f -> f.headers().dispatch().requestId()).containsExactly("r1");
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo("r2");
            assertThat(r.reason()).isEqualTo(StageRejection.STALE_EPOCH);
        });
    }

    @Test
    void answersActivationBytesOfTheWrongSizeWithARejectionNamingTheSizes() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());
        Stage good = firstStage("r1", 3, 1);
        scheduler.submit(new Stage(good.headers(), new byte[17]));
        clock.advanceBy(1_000_000_000L);

        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StageRejection.INVALID_ACTIVATION);
            assertThat(r.message()).contains("256", "17");
        });
        assertThat(scheduler.state("dev-a").orElseThrow().busy()).isFalse();
    }

    @Test
    void answersAStageWhoseDeadlinePassedBeforeItCouldStartWithoutComputingIt() {
        StageScheduler scheduler = scheduler(1, 4, (segment, input) -> {
            throw new AssertionError("an expired stage must not be computed");
        });
        Stage stage = firstStage("late", 3, 1);
        ActivationHeaders expiring = new ActivationHeaders(new Dispatch("late", "app", 3, Route.parse(ROUTE),
                Instant.EPOCH.plusMillis(1)), 0, stage.headers().tensor());

        clock.advanceBy(1_000_000L);
        scheduler.submit(new Stage(expiring, stage.value()));
        clock.runDue();

        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(StageRejection.DEADLINE_PASSED);
            assertThat(r.message()).contains("late", "dev-a");
        });
        assertThat(scheduler.state("dev-a").orElseThrow().busy()).isFalse();
    }

    @Test
    void saysFullWhenTheDeviceQueueIsFullAndHasRoomAgainOnceAStageStarts() throws InterruptedException {
        StageScheduler scheduler = scheduler(1, 1, StageRunner.arithmetic());
        assertThat(scheduler.submit(firstStage("r1", 3, 1))).isEqualTo(StageScheduler.Admission.ACCEPTED);
        clock.runDue();
        assertThat(scheduler.submit(firstStage("r2", 3, 2))).isEqualTo(StageScheduler.Admission.ACCEPTED);

        assertThat(scheduler.submit(firstStage("r3", 3, 3))).isEqualTo(StageScheduler.Admission.FULL);
        assertThat(scheduler.awaitRoom("dev-a", 0)).isFalse();
        assertThat(scheduler.state("dev-a").orElseThrow().queueDepth()).isEqualTo(1);

        clock.advanceBy(modelledNanos(0, 2, 1));
        assertThat(scheduler.awaitRoom("dev-a", 0)).isTrue();
        assertThat(scheduler.submit(firstStage("r3", 3, 3))).isEqualTo(StageScheduler.Admission.ACCEPTED);
        clock.advanceBy(1_000_000_000L);
        assertThat(sink.forwarded).extracting(f -> f.headers().dispatch().requestId()).containsExactly("r1", "r2", "r3");
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void answersAStageForADeviceItDoesNotOwnWithARejection() {
        StageScheduler scheduler = scheduler(1, 4, StageRunner.arithmetic());
        Stage stage = firstStage("r1", 3, 1);
        ActivationHeaders elsewhere = new ActivationHeaders(new Dispatch("r1", "app", 3,
                Route.parse("gw/dev-z:0-2;gw/dev-b:2-3"), stage.headers().dispatch().deadline()), 0,
                stage.headers().tensor());

        scheduler.submit(new Stage(elsewhere, stage.value()));

        assertThat(sink.rejected).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(StageRejection.UNKNOWN_DEVICE));
    }
}

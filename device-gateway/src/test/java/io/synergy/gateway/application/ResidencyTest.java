package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Model;
import io.synergy.core.zoo.Zoo;
import io.synergy.gateway.TinyModels;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A device whose segments' weights do not fit together reloads them when it switches segments. */
class ResidencyTest {

    /** widenet's 312,200 weight bytes take more than half of a MAX78000's kernel rows. */
    private static final Model WIDE = TinyModels.withRandomParameters(Zoo.architecture("widenet"), 1);
    private static final Model TINY = TinyModels.classifier("tiny", 2);
    private static final SegmentCostModel COSTS = new SegmentCostModel();
    private static final int WIDE_LAYERS = WIDE.network().size();

    private final ManualDeviceClock clock = new ManualDeviceClock();
    private final RecordingSink sink = new RecordingSink(clock);
    private final StageScheduler scheduler = new StageScheduler(
            List.of(new DeviceSetup("dev-a", AcceleratorSpec.MAX78000, List.of(), null, new LinkModel(1_000_000, 0), 100)),
            8, new StageScheduler.SchedulerTiming(clock, TimeScale.REAL_TIME), StageRunner.timingOnly(), sink);

    private static SegmentProfile profile(Model model) {
        return COSTS.profile(model.network(), 0, model.network().size(), AcceleratorSpec.MAX78000);
    }

    private static LoadedSegment whole(String appId, Model model) {
        return new LoadedSegment(new SegmentKey(appId, 0, model.network().size()), model.name(), model, profile(model),
                new Emulator(model));
    }

    private static Stage stage(String requestId, String appId, Model model) {
        ActivationHeaders headers = new ActivationHeaders(new Dispatch(requestId, appId, 1,
                Route.parse("gw/dev-a:0-" + model.network().size()), Instant.parse("2026-11-27T10:00:00Z")), 0,
                new TensorDescriptor(TensorDatatype.INT8, List.of(model.network().inputShape().elements())));
        return new Stage(headers, new byte[(int) model.network().boundaryBytes(0)]);
    }

    @Test
    void twoCopiesOfAModelThatFillsMoreThanHalfTheKernelMemoryDoNotFitTogetherButOneBesideATinyOneDoes() {
        assertThat(Residency.fitTogether(List.of(profile(WIDE), profile(WIDE)), AcceleratorSpec.MAX78000)).isFalse();
        assertThat(Residency.fitTogether(List.of(profile(WIDE), profile(TINY)), AcceleratorSpec.MAX78000)).isTrue();
        assertThat(Residency.fitTogether(List.of(profile(WIDE), profile(WIDE)), AcceleratorSpec.MAX78002)).isTrue();
    }

    @Test
    void switchingBetweenSegmentsThatDoNotFitTogetherAddsTheWeightLoadTimeToTheStage() {
        Map<SegmentKey, LoadedSegment> segments = new LinkedHashMap<>();
        segments.put(whole("first", WIDE).key(), whole("first", WIDE));
        segments.put(whole("second", WIDE).key(), whole("second", WIDE));
        scheduler.install("dev-a", 1, segments);
        SegmentProfile profile = profile(WIDE);
        long round = TimeScale.REAL_TIME.hostNanos(profile.roundMicros());
        long reload = TimeScale.REAL_TIME.hostNanos(profile.roundMicros() + profile.weightLoadMicros());

        scheduler.submit(stage("r1", "first", WIDE));   // resident since the load: no reload
        scheduler.submit(stage("r2", "second", WIDE));  // switch: reload
        scheduler.submit(stage("r3", "second", WIDE));  // same again: no reload
        clock.advanceBy(10_000_000_000L);

        assertThat(sink.completed).extracting(RecordingSink.Completed::atNanos)
                .containsExactly(round, round + reload, 2 * round + reload);
        assertThat(scheduler.state("dev-a").orElseThrow()).satisfies(state -> {
            assertThat(state.segmentsFitTogether()).isFalse();
            assertThat(state.weightReloads()).isEqualTo(1);
        });
        assertThat(profile.weightLoadMicros()).isPositive();
    }

    @Test
    void segmentsThatFitTogetherNeverReload() {
        Map<SegmentKey, LoadedSegment> segments = new LinkedHashMap<>();
        segments.put(whole("wide", WIDE).key(), whole("wide", WIDE));
        segments.put(whole("tiny", TINY).key(), whole("tiny", TINY));
        scheduler.install("dev-a", 1, segments);

        scheduler.submit(stage("r1", "tiny", TINY));
        scheduler.submit(stage("r2", "wide", WIDE));
        clock.advanceBy(10_000_000_000L);

        assertThat(sink.completed).hasSize(2);
        assertThat(scheduler.state("dev-a").orElseThrow().weightReloads()).isZero();
    }
}

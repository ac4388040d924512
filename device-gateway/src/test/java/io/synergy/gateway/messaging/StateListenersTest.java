package io.synergy.gateway.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelPackage;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.model.ModelRemoved;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Model;
import io.synergy.gateway.TinyModels;
import io.synergy.gateway.application.DeviceClock;
import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.LinkModel;
import io.synergy.gateway.application.ModelCatalog;
import io.synergy.gateway.application.SegmentLoader;
import io.synergy.gateway.application.StageRunner;
import io.synergy.gateway.application.StageScheduler;
import io.synergy.gateway.application.StageSink;
import io.synergy.gateway.application.TimeScale;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The readers of synergy.models and synergy.plans: events, tombstones and records that do not read. */
class StateListenersTest {

    private static final Model MODEL = TinyModels.classifier("tiny", 4);
    private static final Clock CLOCK = Clock.systemUTC();

    /** Runs every task at once: loading takes no time here. */
    private static final DeviceClock IMMEDIATE = new DeviceClock() {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public Instant wallTime() {
            return Instant.EPOCH;
        }

        @Override
        public void schedule(long delayNanos, Runnable task) {
            task.run();
        }
    };

    private final ModelCatalog catalog = new ModelCatalog(2);
    private final StageScheduler.SchedulerTiming timing = new StageScheduler.SchedulerTiming(IMMEDIATE, TimeScale.REAL_TIME);
    private final StageScheduler scheduler = new StageScheduler(
            List.of(new DeviceSetup("dev-a", AcceleratorSpec.MAX78000, List.of(), null, new LinkModel(1000, 0), 100)), 4,
            timing, StageRunner.arithmetic(), mock(StageSink.class));
    private final SegmentLoader loader = new SegmentLoader("gw", scheduler, catalog, new SegmentCostModel(), timing,
            (deviceId, epoch) -> { });
    private final StateListeners listeners = new StateListeners(catalog, loader);

    private static byte[] registered() {
        ModelRegistered event = new ModelRegistered("tiny", null,
                ModelPackage.of("synergy-model/1", io.synergy.core.network.pack.ModelPackage.write(MODEL)));
        return EventCodec.of(ModelEvent.class).encode(Envelope.of(event, CLOCK));
    }

    private static byte[] planSet(long epoch) {
        DeviceRef a = new DeviceRef("dev-a", "gw");
        AppPlan plan = new AppPlan("app", "tiny", new PlanEnds(a, a), List.of(new SegmentPlacement(0, 3, List.of(a))),
                new PlanEstimate(10, 5, "device dev-a compute", "the whole model on dev-a"));
        return EventCodec.of(PlanEvent.class).encode(Envelope.of(
                new PlanSetPublished(epoch, "test", List.of(plan), List.of()), CLOCK));
    }

    @Test
    void aRegisteredModelAndAPlanSetLoadTheDeviceInWhicheverOrderTheyArrive() {
        listeners.plans().accept(MessageBuilder.withPayload(planSet(1)).build());
        assertThat(scheduler.loadedEpoch("dev-a")).isZero();

        listeners.models().accept(MessageBuilder.withPayload(registered()).build());

        assertThat(catalog.model("tiny")).contains(MODEL);
        assertThat(scheduler.loadedEpoch("dev-a")).isEqualTo(1);
        assertThat(scheduler.state("dev-a").orElseThrow().loadedSegments()).containsExactly("app:0-3");
    }

    @Test
    void aRemovedModelIsForgottenAndItsTombstoneIgnored() {
        listeners.models().accept(MessageBuilder.withPayload(registered()).build());

        listeners.models().accept(MessageBuilder.withPayload(EventCodec.of(ModelEvent.class)
                .encode(Envelope.of(new ModelRemoved("tiny"), CLOCK))).build());
        listeners.models().accept(MessageBuilder.withPayload(KafkaNull.INSTANCE).build());

        assertThat(catalog.model("tiny")).isEmpty();
    }

    @Test
    void recordsThatDoNotReadAreSkippedWithoutStoppingTheReader() {
        listeners.models().accept(MessageBuilder.withPayload("not json".getBytes()).build());
        listeners.plans().accept(MessageBuilder.withPayload("{}".getBytes()).build());

        listeners.models().accept(MessageBuilder.withPayload(registered()).build());
        listeners.plans().accept(MessageBuilder.withPayload(planSet(2)).build());

        assertThat(scheduler.loadedEpoch("dev-a")).isEqualTo(2);
    }
}

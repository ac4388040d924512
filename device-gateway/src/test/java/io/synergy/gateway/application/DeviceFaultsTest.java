package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.gateway.TinyModels;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceFaultsTest {

    private static final Model MODEL = TinyModels.classifier("tiny", 7);
    private static final LinkModel LINK = new LinkModel(100_000, 500);
    private static final LoadedSegment FIRST = new LoadedSegment(new SegmentKey("app", 0, 2), "tiny", MODEL,
            new SegmentCostModel().profile(MODEL.network(), 0, 2, AcceleratorSpec.MAX78000), new Emulator(MODEL));

    private final ManualDeviceClock clock = new ManualDeviceClock();
    private final RecordingSink sink = new RecordingSink(clock);
    private final List<String> told = new ArrayList<>();
    private final StageScheduler scheduler = new StageScheduler(
            List.of(new DeviceSetup("dev-a", AcceleratorSpec.MAX78000, List.of("camera"), null, LINK, 90)), 8,
            new StageScheduler.SchedulerTiming(clock, TimeScale.REAL_TIME), StageRunner.timingOnly(), sink);
    private final DeviceFaults faults = new DeviceFaults(scheduler, new DeviceAnnouncements() {
        @Override
        public void announced(DeviceSetup setup) {
            told.add("announced " + setup.deviceId());
        }

        @Override
        public void left(DeviceSetup setup, String reason) {
            told.add("left " + setup.deviceId());
        }
    });

    DeviceFaultsTest() {
        scheduler.install("dev-a", 3, Map.of(FIRST.key(), FIRST));
    }

    private static Stage stage(String requestId) {
        ActivationHeaders headers = new ActivationHeaders(new Dispatch(requestId, "app", 3,
                Route.parse("gw/dev-a:0-2;gw/dev-b:2-3"), Instant.parse("2026-11-27T10:00:00Z")), 0,
                new TensorDescriptor(TensorDatatype.INT8, List.of(4, 8, 8)));
        return new Stage(headers, Activations.input(TinyModels.input(MODEL, 1)).encode());
    }

    private long modelledNanos() {
        return TimeScale.REAL_TIME.hostNanos(FIRST.profile().roundMicros());
    }

    @Test
    void aFailedDeviceLetsItsRunningWaitingAndLaterStagesVanishUnanswered() {
        scheduler.submit(stage("r1"));
        scheduler.submit(stage("r2"));
        clock.runDue();

        DeviceState failed = faults.fail("dev-a");
        scheduler.submit(stage("r3"));
        clock.advanceBy(10 * modelledNanos() + 1_000_000_000L);

        assertThat(failed.state()).isEqualTo("failed");
        assertThat(sink.forwarded).isEmpty();
        assertThat(sink.rejected).isEmpty();
        assertThat(scheduler.state("dev-a").orElseThrow().stagesDropped()).isEqualTo(3);
        assertThat(scheduler.present("dev-a")).isFalse();
        assertThat(told).as("a silent failure says nothing to the fleet").isEmpty();
    }

    @Test
    void aDeviceThatLeavesSaysGoodbyeAndGivesItsStagesBackAsUnknownDevice() {
        scheduler.submit(stage("r1"));
        scheduler.submit(stage("r2"));
        clock.runDue();

        DeviceState left = faults.leave("dev-a");
        scheduler.submit(stage("r3"));
        clock.advanceBy(10 * modelledNanos() + 1_000_000_000L);

        assertThat(left.state()).isEqualTo("left");
        assertThat(told).containsExactly("left dev-a");
        assertThat(sink.forwarded).isEmpty();
        assertThat(sink.rejected).extracting(r -> r.requestId() + " " + r.reason())
                .containsExactlyInAnyOrder("r1 " + StageRejection.UNKNOWN_DEVICE, "r2 " + StageRejection.UNKNOWN_DEVICE,
                        "r3 " + StageRejection.UNKNOWN_DEVICE);
    }

    @Test
    void aSlowDeviceTakesItsModelledTimeTimesTheFactorAndKeepsServing() {
        DeviceState slow = faults.slowDown("dev-a", 3.0);
        scheduler.submit(stage("r1"));
        long transfer = TimeScale.REAL_TIME.hostNanos(LINK.transferMicros(MODEL.network().boundaryBytes(2)));

        clock.advanceBy(3 * modelledNanos() + transfer - 1);
        assertThat(sink.forwarded).isEmpty();
        clock.advanceBy(1);

        assertThat(slow.state()).isEqualTo("slow");
        assertThat(slow.slowFactor()).isEqualTo(3.0);
        assertThat(sink.forwarded).singleElement().satisfies(f -> assertThat(f.atNanos()).isEqualTo(3 * modelledNanos() + transfer));
        assertThat(faults.slowDown("dev-a", 1.0).state()).as("factor 1.0 restores it").isEqualTo("serving");
    }

    @Test
    void aDeviceThatFailedJoinsAgainAtItsModelledSpeedAndAnnouncesItself() {
        faults.slowDown("dev-a", 5.0);
        faults.fail("dev-a");

        DeviceState joined = faults.join("dev-a");
        scheduler.submit(stage("r1"));
        clock.advanceBy(modelledNanos() + 1_000_000_000L);

        assertThat(joined.state()).isEqualTo("serving");
        assertThat(joined.slowFactor()).isEqualTo(1.0);
        assertThat(told).containsExactly("announced dev-a");
        assertThat(scheduler.present("dev-a")).isTrue();
        assertThat(sink.forwarded).hasSize(1);
    }

    @Test
    void refusesTransitionsThatMakeNoSense() {
        assertThatThrownBy(() -> faults.join("dev-a")).isInstanceOf(FaultTransitionException.class)
                .hasMessageContaining("dev-a is serving");
        faults.leave("dev-a");
        assertThatThrownBy(() -> faults.leave("dev-a")).isInstanceOf(FaultTransitionException.class);
        assertThatThrownBy(() -> faults.fail("dev-a")).isInstanceOf(FaultTransitionException.class);
        assertThatThrownBy(() -> faults.slowDown("dev-a", 2.0)).isInstanceOf(FaultTransitionException.class);
        assertThat(told).containsExactly("left dev-a");
    }

    @Test
    void refusesASlowDownFactorOutsideItsRangeNamingTheFieldAndTheLimit() {
        assertThatThrownBy(() -> faults.slowDown("dev-a", 0.5)).hasMessage("factor: must be in 1.0..100.0, got 0.5");
        assertThatThrownBy(() -> faults.slowDown("dev-a", Double.NaN)).hasMessageStartingWith("factor:");
        assertThatThrownBy(() -> faults.slowDown("dev-a", 101)).hasMessageStartingWith("factor:");
    }

    @Test
    void refusesAnUnknownDeviceNamingTheOnesItOwns() {
        assertThatThrownBy(() -> faults.fail("dev-z")).isInstanceOf(UnknownDeviceException.class)
                .hasMessageContaining("[dev-a]").hasMessageContaining("dev-z");
    }
}

package io.synergy.gateway.web;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.gateway.application.DeviceAnnouncements;
import io.synergy.gateway.application.DeviceFaults;
import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.LinkModel;
import io.synergy.gateway.application.ScheduledDeviceClock;
import io.synergy.gateway.application.StageRunner;
import io.synergy.gateway.application.StageScheduler;
import io.synergy.gateway.application.StageSink;
import io.synergy.gateway.application.TimeScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The fault-injection endpoints of contracts #1: states, 404 for an unknown id, 409 for a senseless transition. */
class DeviceControllerTest {

    private final ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();
    private final StageScheduler scheduler = new StageScheduler(
            List.of(new DeviceSetup("watch-1", AcceleratorSpec.MAX78000, List.of("imu"), null, new LinkModel(100_000, 500), 80)),
            4, new StageScheduler.SchedulerTiming(new ScheduledDeviceClock(threads), TimeScale.REAL_TIME),
            StageRunner.timingOnly(), new StageSink() {
                @Override
                public void forward(ActivationHeaders next, byte[] value) {
                }

                @Override
                public void complete(InferenceCompleted completed) {
                }

                @Override
                public void reject(StageRejected rejected) {
                }
            });
    private final WebTestClient http = WebTestClient.bindToController(new DeviceController(scheduler,
            new DeviceFaults(scheduler, new DeviceAnnouncements() {
                @Override
                public void announced(DeviceSetup setup) {
                }

                @Override
                public void left(DeviceSetup setup, String reason) {
                }
            }))).build();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void listsEachDeviceWithItsFaultStateAndSlowFactor() {
        http.get().uri("/api/gateway/devices").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].deviceId").isEqualTo("watch-1")
                .jsonPath("$[0].state").isEqualTo("serving")
                .jsonPath("$[0].slowFactor").isEqualTo(1.0);
    }

    @Test
    void failSlowLeaveAndJoinAnswerTheDevicesNewState() {
        http.post().uri("/api/gateway/devices/watch-1/slow").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"factor\": 3.0}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("slow").jsonPath("$.slowFactor").isEqualTo(3.0);
        http.post().uri("/api/gateway/devices/watch-1/fail").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("failed");
        http.post().uri("/api/gateway/devices/watch-1/join").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("serving").jsonPath("$.slowFactor").isEqualTo(1.0);
        http.post().uri("/api/gateway/devices/watch-1/leave").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("left");
    }

    @Test
    void anUnknownDeviceIs404NamingTheDevicesTheGatewayOwns() {
        http.post().uri("/api/gateway/devices/ring-9/fail").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("unknown-device")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("watch-1").contains("ring-9"));
    }

    @Test
    void leavingTwiceIs409() {
        http.post().uri("/api/gateway/devices/watch-1/leave").exchange().expectStatus().isOk();
        http.post().uri("/api/gateway/devices/watch-1/leave").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("invalid-transition");
    }

    @Test
    void aSlowDownWithoutAFactorOrOutOfRangeIs400NamingTheFieldAndTheLimit() {
        http.post().uri("/api/gateway/devices/watch-1/slow").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("factor").jsonPath("$.limit").isEqualTo("1.0..100.0");
        http.post().uri("/api/gateway/devices/watch-1/slow").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"factor\": 0}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-factor");
        http.post().uri("/api/gateway/devices/watch-1/slow").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"factor\": ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("malformed-body");
    }
}

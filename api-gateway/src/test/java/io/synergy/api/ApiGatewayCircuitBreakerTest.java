package io.synergy.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resilience4j at the front door: a breaker per service opens after repeated connection failures
 * and then answers 503 at once; its state shows in /actuator/health and the resilience4j metrics;
 * a slow but healthy service is not cut by the breaker's time limiter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayCircuitBreakerTest {

    private StubService registry;
    private ConfigurableApplicationContext gateway;
    private WebTestClient http;

    @BeforeAll
    void start() throws IOException {
        registry = new StubService("registry");
        String nowhere = "http://127.0.0.1:" + closedPort();
        gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run("--server.port=0",
                "--synergy.api.registry-uri=" + registry.uri(), "--synergy.api.planner-uri=" + nowhere,
                "--synergy.api.executor-uri=" + nowhere, TestKeys.ADMIN_HASHES, TestKeys.INFERENCE_HASHES,
                "--resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
                "--resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
                "--resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s");
        int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestKeys.BOTH).build();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theExecutorsBreakerOpensAfterRepeatedFailuresAndThenAnswers503AtOnce() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectStatus().isEqualTo(502);
        int failures = 1;
        while (failures < 10 && http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\":[]}").exchange().returnResult(String.class).getStatus().value() == 502) {
            failures++;
        }
        // the window of 4 calls opened the breaker within the window, not later
        assertThat(failures).isBetween(1, 4);

        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("circuit breaker"));

        http.get().uri("/actuator/health").header("Authorization", "").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.circuitBreakers.details.executor.status").isEqualTo("CIRCUIT_OPEN")
                .jsonPath("$.components.circuitBreakers.details.registry.details.state").isEqualTo("CLOSED");
        http.get().uri("/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:executor&tag=state:open")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value").isEqualTo(1.0);
    }

    @Test
    void answersOfAServiceThatWorksNeverOpenItsBreakerNotEvenRepeated503s() {
        for (int call = 0; call < 12; call++) {
            http.get().uri("/api/models/unavailable").exchange().expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Content-Type", "application/json");
        }
        http.get().uri("/api/models/fine").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(StubService.SERVED_BY, "registry");
        http.get().uri("/actuator/health").header("Authorization", "").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.circuitBreakers.details.registry.details.state").isEqualTo("CLOSED");
    }

    @Test
    void aSlowServiceIsNotCutByTheBreakersTimeLimiter() {
        http.get().uri("/api/models/slow").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(StubService.SERVED_BY, "registry");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

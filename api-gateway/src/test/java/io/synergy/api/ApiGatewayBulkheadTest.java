package io.synergy.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulkhead around each route: a service with its bound of calls in flight through the gateway
 * gets no more; the caller is answered 429 with Retry-After at once, and the service's breaker does
 * not count it as a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayBulkheadTest {

    private StubService registry;
    private ConfigurableApplicationContext gateway;
    private WebTestClient http;

    @BeforeAll
    void start() {
        registry = new StubService("registry");
        gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run("--server.port=0",
                "--synergy.api.registry-uri=" + registry.uri(), TestKeys.ADMIN_HASHES, TestKeys.INFERENCE_HASHES,
                "--resilience4j.bulkhead.configs.default.max-concurrent-calls=1",
                "--resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
                "--resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2");
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
    void aCallBeyondTheBoundIsAnswered429AtOnceAndDoesNotOpenTheBreaker() {
        List<CompletableFuture<EntityExchangeResult<String>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> http.get().uri("/api/models/slow-1").exchange()
                        .expectBody(String.class).returnResult()),
                CompletableFuture.supplyAsync(() -> http.get().uri("/api/models/slow-2").exchange()
                        .expectBody(String.class).returnResult()),
                CompletableFuture.supplyAsync(() -> http.get().uri("/api/models/slow-3").exchange()
                        .expectBody(String.class).returnResult()));
        List<EntityExchangeResult<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(answer -> answer.getStatus().value()).contains(200, 429).containsOnly(200, 429);
        EntityExchangeResult<String> refused = answers.stream().filter(a -> a.getStatus().value() == 429).findFirst()
                .orElseThrow();
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponseBody()).contains("UPSTREAM_BULKHEAD_FULL", "max-concurrent-calls");

        http.get().uri("/actuator/health").header("Authorization", "").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.circuitBreakers.details.registry.details.state").isEqualTo("CLOSED");
        http.get().uri("/api/models/fine").exchange().expectStatus().isOk();
    }
}

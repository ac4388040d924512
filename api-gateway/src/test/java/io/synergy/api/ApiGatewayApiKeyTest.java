package io.synergy.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static io.synergy.api.StubService.SAW_CREDENTIALS;
import static io.synergy.api.StubService.SERVED_BY;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys at the front door (docs/security.md): which scope opens which path, and the 401/403 errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayApiKeyTest {

    private StubService registry;
    private StubService executor;
    private ConfigurableApplicationContext gateway;
    private WebTestClient http;

    @BeforeAll
    void start() {
        registry = new StubService("registry");
        executor = new StubService("executor");
        gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run("--server.port=0",
                "--synergy.api.registry-uri=" + registry.uri(), "--synergy.api.planner-uri=" + registry.uri(),
                "--synergy.api.executor-uri=" + executor.uri(), TestKeys.ADMIN_HASHES, TestKeys.INFERENCE_HASHES);
        int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        for (StubService stub : new StubService[] {registry, executor}) {
            if (stub != null) {
                stub.close();
            }
        }
    }

    @Test
    void inferenceWithoutAKeyIs401WithAnOipErrorNamingTheScope() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("inference"));
    }

    @Test
    void anUnknownKeyIs401() {
        http.get().uri("/api/models").header("Authorization", "Bearer not-a-key-we-issued").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anInferenceKeyRunsInferenceAndTheKeyIsNotPassedOn() {
        http.post().uri("/v2/models/kws20/infer").header("Authorization", "Bearer " + TestKeys.INFERENCE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(SERVED_BY, "executor")
                .expectHeader().valueEquals(SAW_CREDENTIALS, "false");
        http.get().uri("/v2/models/kws20").header("X-API-Key", TestKeys.INFERENCE).exchange().expectStatus().isOk();
    }

    @Test
    void anInferenceKeyIsForbiddenTheAdministrationApi() {
        http.post().uri("/api/apps").header("Authorization", "Bearer " + TestKeys.INFERENCE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("admin").contains("/api/apps"));
    }

    @Test
    void anAdminKeyAdministersButDoesNotRunInference() {
        http.get().uri("/api/models").header("X-API-Key", TestKeys.ADMIN).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(SERVED_BY, "registry")
                .expectHeader().valueEquals(SAW_CREDENTIALS, "false");
        http.get().uri("/api/gateway/devices").header("X-API-Key", TestKeys.INFERENCE).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/v2/models/kws20/infer").header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("inference"));
    }

    @Test
    void healthIsOpenButOtherActuatorEndpointsNeedAdmin() {
        http.get().uri("/v2/health/live").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/metrics").header("X-API-Key", TestKeys.ADMIN).exchange().expectStatus().isOk();
    }

    @Test
    void aPathNobodyListedIsClosed() {
        http.delete().uri("/anything/else").exchange().expectStatus().isUnauthorized();
        http.get().uri("/v2/nosuch").exchange().expectStatus().isUnauthorized();
    }
}

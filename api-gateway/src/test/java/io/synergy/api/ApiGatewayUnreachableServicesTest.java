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

/** The gateway with every service down: clear errors in the API's two shapes, never a stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayUnreachableServicesTest {

    private ConfigurableApplicationContext gateway;
    private WebTestClient http;

    @BeforeAll
    void start() throws IOException {
        String nowhere = "http://127.0.0.1:" + closedPort();
        gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run("--server.port=0",
                "--synergy.api.registry-uri=" + nowhere, "--synergy.api.planner-uri=" + nowhere,
                "--synergy.api.executor-uri=" + nowhere, TestKeys.ADMIN_HASHES, TestKeys.INFERENCE_HASHES);
        int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestKeys.BOTH).build();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anUnreachableServiceIsA502ProblemWithAStableCode() {
        http.get().uri("/api/plans").exchange().expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("UPSTREAM_UNREACHABLE")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/api/plans"))
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void anUnreachableExecutorIsAnOipErrorOnTheInferEndpoint() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("unreachable"));
    }

    @Test
    void isLiveButNotReadyAndSaysWhichServicesAreDown() {
        http.get().uri("/v2/health/live").exchange().expectStatus().isOk();
        http.get().uri("/v2/health/ready").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.ready").isEqualTo(false)
                .jsonPath("$.services.registry").value(status -> assertThat((String) status).startsWith("DOWN"))
                .jsonPath("$.services.planner").value(status -> assertThat((String) status).startsWith("DOWN"))
                .jsonPath("$.services.executor").value(status -> assertThat((String) status).contains("unreachable"));
    }

    /** A port nothing listens on: bound once, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package io.synergy.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.synergy.api.StubService.HEADER_LENGTH;
import static io.synergy.api.StubService.PATH;
import static io.synergy.api.StubService.SERVED_BY;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of three stub services started by the test: routes, OIP health, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayRoutingTest {

    private StubService registry;
    private StubService planner;
    private StubService executor;
    private StubService deviceGateway;
    private ConfigurableApplicationContext gateway;
    private WebTestClient http;

    @BeforeAll
    void start() {
        registry = new StubService("registry");
        planner = new StubService("planner");
        executor = new StubService("executor");
        deviceGateway = new StubService("device-gateway");
        gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run("--server.port=0",
                "--synergy.api.registry-uri=" + registry.uri(), "--synergy.api.planner-uri=" + planner.uri(),
                "--synergy.api.executor-uri=" + executor.uri(), "--synergy.api.gateway-uri=" + deviceGateway.uri(),
                TestKeys.ADMIN_HASHES, TestKeys.INFERENCE_HASHES);
        int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestKeys.BOTH).build();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        for (StubService stub : new StubService[] {registry, planner, executor, deviceGateway}) {
            if (stub != null) {
                stub.close();
            }
        }
    }

    @Test
    void routesEachServicesOpenApiDocumentUnderItsName() {
        for (String service : new String[] {"registry", "planner", "executor"}) {
            http.get().uri("/v3/api-docs/" + service).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals(SERVED_BY, service)
                    .expectHeader().valueEquals(PATH, "/v3/api-docs");
        }
    }

    @Test
    void servesItsOwnOpenApiDocumentWithTheOipHealthEndpoints() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("\"openapi\":\"3.",
                        "\"/v2/health/live\"", "\"/v2/health/ready\""));
    }

    @Test
    void servesPrometheusMetricsOfTheRoutedRequests() {
        http.get().uri("/api/models").exchange().expectStatus().isOk();

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("http_server_requests_seconds_bucket"));
    }

    @Test
    void routesModelsAppsAndDevicesToTheRegistry() {
        for (String path : new String[] {"/api/models", "/api/models/kws20", "/api/apps/captions", "/api/devices"}) {
            http.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals(SERVED_BY, "registry")
                    .expectHeader().valueEquals(PATH, path);
        }
    }

    @Test
    void routesPlansAndTheSpaceToThePlanner() {
        for (String path : new String[] {"/api/plans", "/api/plans/current?explain=true", "/api/space"}) {
            http.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals(SERVED_BY, "planner")
                    .expectHeader().valueEquals(PATH, path);
        }
    }

    @Test
    void routesInferenceAndTheOipModelEndpointsToTheExecutor() {
        http.get().uri("/v2/models/kws20").exchange().expectHeader().valueEquals(SERVED_BY, "executor");
        http.get().uri("/v2/models/kws20/ready").exchange().expectHeader().valueEquals(SERVED_BY, "executor");
        http.post().uri("/api/infer/kws20").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[]}")
                .exchange().expectHeader().valueEquals(SERVED_BY, "executor")
                .expectBody(String.class).isEqualTo("{\"inputs\":[]}");
        http.get().uri("/api/executor/stats").exchange().expectHeader().valueEquals(SERVED_BY, "executor");
    }

    @Test
    void routesTheGatewaysDevicesAndFaultInjectionToTheDeviceGateway() {
        http.get().uri("/api/gateway/devices").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(SERVED_BY, "device-gateway")
                .expectHeader().valueEquals(PATH, "/api/gateway/devices");
        http.post().uri("/api/gateway/devices/watch-1/slow").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"factor\": 3.0}").exchange()
                .expectHeader().valueEquals(SERVED_BY, "device-gateway")
                .expectHeader().valueEquals(PATH, "/api/gateway/devices/watch-1/slow")
                .expectBody(String.class).isEqualTo("{\"factor\": 3.0}");
    }

    @Test
    void passesABinaryTensorRequestThroughByteForByte() {
        byte[] header = "{\"inputs\":[{\"name\":\"input\",\"shape\":[256],\"datatype\":\"INT8\",\"parameters\":{\"binary_data_size\":256}}]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[header.length + 256];
        System.arraycopy(header, 0, body, 0, header.length);
        for (int i = 0; i < 256; i++) {
            body[header.length + i] = (byte) i;
        }

        byte[] echoed = http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HEADER_LENGTH, Integer.toString(header.length)).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(SERVED_BY, "executor")
                .expectHeader().valueEquals(HEADER_LENGTH, Integer.toString(header.length))
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(echoed).isEqualTo(body);
    }

    @Test
    void servesTheDashboardItselfAndLeadsTheBareAddressesToIt() {
        for (String path : new String[] {"/", "/dashboard", "/dashboard/"}) {
            http.get().uri(path).exchange().expectStatus().isTemporaryRedirect()
                    .expectHeader().valueEquals("Location", "/dashboard/index.html");
        }
        http.head().uri("/").exchange().expectStatus().isTemporaryRedirect();
        http.get().uri("/dashboard/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("<script src=\"app.js\">"));
        http.get().uri("/dashboard/app.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("/api/space/devices"));
        http.get().uri("/dashboard/style.css").exchange().expectStatus().isOk();
    }

    @Test
    void isLiveWhileItRuns() {
        http.get().uri("/v2/health/live").exchange().expectStatus().isOk().expectBody().jsonPath("$.live").isEqualTo(true);
    }

    @Test
    void isReadyOnlyWhileRegistryPlannerAndExecutorAreAllUp() {
        http.get().uri("/v2/health/ready").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ready").isEqualTo(true)
                .jsonPath("$.services.registry").isEqualTo("UP")
                .jsonPath("$.services.planner").isEqualTo("UP")
                .jsonPath("$.services.executor").isEqualTo("UP");

        executor.healthy(false);
        try {
            http.get().uri("/v2/health/ready").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.ready").isEqualTo(false)
                    .jsonPath("$.services.registry").isEqualTo("UP")
                    .jsonPath("$.services.executor").value(status -> assertThat((String) status)
                            .startsWith("DOWN").contains("503"));
        } finally {
            executor.healthy(true);
        }
    }

    @Test
    void answersAnUnroutedApiPathWithAProblemNamingTheRoutes() {
        http.get().uri("/api/nosuch").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("NO_ROUTE")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/api/nosuch").contains("/api/models/**"))
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void aServiceThatClosesBeforeAnsweringAnUploadIsA502NamingTheLikelyCause() {
        http.post().uri("/api/models/refuses").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[4 << 20])
                .exchange().expectStatus().isEqualTo(502)
                .expectBody()
                .jsonPath("$.code").isEqualTo("UPSTREAM_UNREACHABLE")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("closed the connection"));
    }

    @Test
    void answersAnUnroutedOipPathWithAnOipError() {
        http.get().uri("/v2/nosuch").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("/v2/nosuch"));
    }
}

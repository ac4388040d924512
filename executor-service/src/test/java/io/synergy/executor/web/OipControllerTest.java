package io.synergy.executor.web;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.executor.application.AnsweredRequests;
import io.synergy.executor.application.InFlightTracker;
import io.synergy.executor.application.InferenceExecutor;
import io.synergy.executor.application.InferenceService;
import io.synergy.executor.application.ModelSignature;
import io.synergy.executor.application.Origin;
import io.synergy.executor.application.ServingCatalog;
import io.synergy.executor.application.ServingStats;
import io.synergy.executor.config.ExecutorProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OIP endpoints over HTTP, with the executor's real application classes and a gateway stand-in
 * that answers each dispatch at once with the input's elements doubled as INT32 (or holds it).
 */
class OipControllerTest {

    private static final String JSON_INPUT = "{\"id\":\"c-7\",\"inputs\":[{\"name\":\"input\",\"shape\":[1,2,2],"
            + "\"datatype\":\"INT8\",\"data\":[1,-2,3,-4]}]}";

    private final ServingCatalog catalog = new ServingCatalog();
    private final List<ActivationHeaders> held = new ArrayList<>();
    private boolean answer = true;
    private InferenceExecutor executor;
    private InferenceService service;
    private WebTestClient http;

    @BeforeEach
    void serveOneApp() {
        ExecutorProperties properties = new ExecutorProperties(1, Duration.ofSeconds(5), 3, Duration.ofSeconds(30),
                Duration.ofMillis(1500), Duration.ofMillis(100), Duration.ofSeconds(1), 2048, 64, 100,
                Duration.ofMinutes(10), 100, Duration.ofSeconds(10), 100);
        InFlightTracker tracker = new InFlightTracker(properties.trackingPolicy(), Clock.systemUTC());
        executor = new InferenceExecutor(catalog, tracker, (headers, bytes) -> {
            if (!answer) {
                held.add(headers);
                return;
            }
            int[] in = WireTensor.fromBytes(headers.tensor(), bytes).data();
            int[] doubled = Arrays.stream(in).map(value -> value * 2).toArray();
            executor.resultArrived(new InferenceCompleted(headers.dispatch().requestId(), "kws20",
                    headers.dispatch().appId(), headers.dispatch().epoch(),
                    new WireTensor(TensorDatatype.INT32, List.of(4, 1, 1), doubled)));
        });
        catalog.appDeployed(new AppDeployed("captions", "kws20", "microphone", "display", 0));
        catalog.modelRegistered("kws20", new ModelSignature(TensorDescriptor.of(TensorDatatype.INT8, 1, 2, 2),
                TensorDescriptor.of(TensorDatatype.INT32, 4, 1, 1)));
        DeviceRef device = new DeviceRef("earbud-1", "gw-head");
        executor.planSetArrived(new PlanSetPublished(3, "synergy", List.of(new AppPlan("captions", "kws20",
                new PlanEnds(device, device), List.of(new SegmentPlacement(0, 4, List.of(device))),
                new PlanEstimate(50, 20, "device earbud-1", "fits one device"))), List.of()));
        service = new InferenceService(catalog, tracker, executor, new AnsweredRequests(100),
                new ServingStats(Clock.systemUTC(), properties.statsWindow(), properties.statsMaxSamples()));
        http = WebTestClient.bindToController(new OipController(service, properties), new StatsController(service))
                .build();
    }

    @Test
    void answersAJsonInferenceWithTheOutputTensor() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.model_name").isEqualTo("kws20")
                .jsonPath("$.id").isEqualTo("c-7")
                .jsonPath("$.parameters.epoch").isEqualTo(3)
                .jsonPath("$.outputs[0].name").isEqualTo("output")
                .jsonPath("$.outputs[0].datatype").isEqualTo("INT32")
                .jsonPath("$.outputs[0].shape").isEqualTo(List.of(4, 1, 1))
                .jsonPath("$.outputs[0].data").isEqualTo(List.of(2, -4, 6, -8));
    }

    @Test
    void theApiPathRunsTheSameInferenceByAppId() {
        http.post().uri("/api/infer/captions").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.outputs[0].data").isEqualTo(List.of(2, -4, 6, -8));
    }

    @Test
    void takesABinaryTensorAndAnswersInBinaryWhenAsked() {
        byte[] header = ("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,2,2],\"datatype\":\"INT8\","
                + "\"parameters\":{\"binary_data_size\":4}}],\"parameters\":{\"binary_data_output\":true}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(header, header.length + 4);
        body[header.length] = 1;
        body[header.length + 1] = -2;
        body[header.length + 2] = 3;
        body[header.length + 3] = -4;

        var result = http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(OipController.HEADER_LENGTH, Integer.toString(header.length)).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();

        int jsonLength = Integer.parseInt(result.getResponseHeaders().getFirst(OipController.HEADER_LENGTH));
        byte[] response = result.getResponseBody();
        String json = new String(response, 0, jsonLength, StandardCharsets.UTF_8);
        assertThat(json).contains("\"binary_data_size\":16").doesNotContain("\"data\"");
        ByteBuffer tensor = ByteBuffer.wrap(response, jsonLength, response.length - jsonLength).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new int[] {tensor.getInt(), tensor.getInt(), tensor.getInt(), tensor.getInt()}).containsExactly(2, -4, 6, -8);
        assertThat(tensor.hasRemaining()).isFalse();
    }

    @Test
    void refusesAnInputOfTheWrongShapeNamingTheExpectedOne() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\":[{\"name\":\"input\",\"shape\":[4],\"datatype\":\"INT8\",\"data\":[1,2,3,4]}]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error)
                        .contains("inputs[0].shape").contains("[1, 2, 2]"));
    }

    @Test
    void refusesMalformedJsonWithAnOipError() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"inputs\":[")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).startsWith("body:"));
    }

    @Test
    void refusesAnOversizedBodyNamingTheLimit() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(" ".repeat(3000) + JSON_INPUT)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("at most 2048 bytes"));
    }

    @Test
    void anUnknownNameIs404AndAModelServedTwiceIs409() {
        http.post().uri("/v2/models/nosuch/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error").exists();

        catalog.appDeployed(new AppDeployed("commands", "kws20", "microphone", "speaker", 0));

        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("captions").contains("commands"));
    }

    @Test
    void refusesARequestBeyondTheAppsInFlightLimitWithRetryAfter() {
        answer = false;
        service.infer("kws20", new WireTensor(TensorDatatype.INT8, List.of(1, 2, 2), new int[4]), "first", null,
                Origin.HTTP);
        assertThat(held).hasSize(1);

        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "2")
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("maxInFlightPerApp"));
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheFirstResultWithoutRunningAgain() {
        String other = JSON_INPUT.replace("[1,-2,3,-4]", "[5,5,5,5]");
        http.post().uri("/v2/models/kws20/infer").header(OipController.IDEMPOTENCY_KEY, "order-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.outputs[0].data").isEqualTo(List.of(2, -4, 6, -8));

        http.post().uri("/v2/models/kws20/infer").header(OipController.IDEMPOTENCY_KEY, "order-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(other)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.outputs[0].data").isEqualTo(List.of(2, -4, 6, -8));

        assertThat(executor.dispatches()).isEqualTo(1);
    }

    @Test
    void refusesAnIdempotencyKeyThatIsNotAnIdentifierNamingTheHeader() {
        http.post().uri("/v2/models/kws20/infer").header(OipController.IDEMPOTENCY_KEY, "no spaces/allowed")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("Idempotency-Key"));
    }

    @Test
    void describesTheModelAndSaysItIsReadyWhileThePlanRunsIt() {
        http.get().uri("/v2/models/kws20").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("kws20")
                .jsonPath("$.platform").isEqualTo("synergy-max7800x")
                .jsonPath("$.inputs[0].datatype").isEqualTo("INT8")
                .jsonPath("$.inputs[0].shape").isEqualTo(List.of(1, 2, 2))
                .jsonPath("$.outputs[0].shape").isEqualTo(List.of(4, 1, 1));
        http.get().uri("/v2/models/kws20/ready").exchange().expectStatus().isOk().expectBody().jsonPath("$.ready").isEqualTo(true);

        executor.planSetArrived(new PlanSetPublished(4, "synergy", List.of(), List.of()));

        http.get().uri("/v2/models/kws20/ready").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.ready").isEqualTo(false);
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("epoch 4"));
    }

    @Test
    void statsCountAnsweredRequestsAndTheOneStillInFlightPerApp() {
        http.post().uri("/v2/models/kws20/infer").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON_INPUT)
                .exchange().expectStatus().isOk();
        answer = false;
        service.infer("kws20", new WireTensor(TensorDatatype.INT8, List.of(1, 2, 2), new int[4]), "held", null, Origin.HTTP);

        http.get().uri("/api/executor/stats").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.windowSeconds").isEqualTo(10.0)
                .jsonPath("$.apps[0].appId").isEqualTo("captions")
                .jsonPath("$.apps[0].completed").isEqualTo(1)
                .jsonPath("$.apps[0].failed").isEqualTo(0)
                .jsonPath("$.apps[0].inFlight").isEqualTo(1)
                .jsonPath("$.apps[0].samples").isEqualTo(1)
                .jsonPath("$.apps[0].latencyP50Millis").isNumber();
    }
}

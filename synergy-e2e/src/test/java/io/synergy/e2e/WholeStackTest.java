package io.synergy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.StackClient;
import io.synergy.cli.stack.StackComponent;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Tensor;
import io.synergy.core.zoo.Zoo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole stack, end to end (issue 4): Kafka and the five services as processes on free loopback
 * ports, a fleet of five MAX78000s only — so EfficientNetV2 (624 KB of weights against 432 KiB per
 * device) can run only split — three apps deployed together, and a few hundred concurrent inferences
 * over HTTP whose every answer must equal the single-device emulation of the whole model, bit for bit,
 * exactly once per request.
 */
class WholeStackTest {

    // five JVMs start at once: on a 2-core host shared with other builds (load ~30) the device-gateway
    // alone took 135 s to report started, so 150 s was not enough
    private static final Duration SERVICES_START = Duration.ofSeconds(240);
    private static final Duration PLACED = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(150);

    private static final DemoApp SPLIT_APP = new DemoApp("classify", "efficientnetv2", "camera", "display");
    private static final List<DemoApp> APPS = List.of(
            SPLIT_APP,
            new DemoApp("keywords", "kws", "microphone", "speaker"),
            new DemoApp("objects", "simplenet", "camera", "display"));

    /** Requests per app, and how many are in flight at once over all apps (each app stays under the executor's 64). */
    private static final int REQUESTS_PER_APP = 80;
    private static final int IN_FLIGHT = 48;

    /** The fleet: MAX78000s only (none holds EfficientNetV2 whole), at the silicon's speed. */
    private static final List<String> GATEWAY_ARGUMENTS = java.util.stream.Stream.of(
            List.of("--synergy.gateway.gateway-id=gw-e2e",
                    "--synergy.gateway.time-scale=1",
                    "--synergy.gateway.heartbeat-interval=2s"),
            PrivateStack.deviceArguments(0, "glasses-1", "camera,display"),
            PrivateStack.deviceArguments(1, "earbud-1", "microphone,speaker"),
            PrivateStack.deviceArguments(2, "watch-1", "display,haptic"),
            PrivateStack.deviceArguments(3, "pendant-1", "camera,microphone"),
            PrivateStack.deviceArguments(4, "ring-1", "haptic")).flatMap(List::stream).toList();

    /** Kept when a test fails: its logs/ hold each component's output. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path home;

    private static PrivateStack stack;
    private static StackClient registry;
    private static OipClient oip;

    @BeforeAll
    static void startStackAndDeployApps() {
        Path repository = Path.of(System.getProperty("synergy.repository", ".."));
        // A loaded 2-core host: a request may wait behind many stages, so one dispatch gets longer
        // than the executor's 5 s default before it is re-dispatched (re-dispatch itself stays on).
        stack = new PrivateStack(repository, home, Map.of(
                StackComponent.GATEWAY, GATEWAY_ARGUMENTS,
                StackComponent.EXECUTOR, List.of("--synergy.executor.dispatch-timeout=30s")));
        stack.start(SERVICES_START);
        registry = new StackClient(stack.url(StackComponent.API), stack.apiKeys());
        oip = new OipClient(stack.url(StackComponent.API), stack.apiKeys().inference());
        APPS.forEach(app -> registry.registerZooModel(app.model()));
        APPS.forEach(registry::deployApp);
        await("every app placed by the planner and ready at the executor", PLACED,
                () -> APPS.stream().allMatch(app -> registry.ready(app.id())));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void splitsTheModelThatFitsNoSingleDeviceAcrossDevices() {
        JsonNode plan = planOf(SPLIT_APP.id());
        System.out.println("e2e: plan of " + SPLIT_APP.id() + ": " + plan.path("segments"));

        List<JsonNode> segments = plan.path("segments").valueStream().toList();
        assertThat(segments).as("segments of %s in %s", SPLIT_APP.id(), plan).hasSizeGreaterThanOrEqualTo(2);
        assertThat(segments.get(0).path("fromLayer").asInt()).isZero();
        assertThat(segments.get(segments.size() - 1).path("toLayer").asInt())
                .isEqualTo(Zoo.architecture(SPLIT_APP.model()).size());
        List<String> devices = segments.stream()
                .flatMap(s -> s.path("replicas").valueStream().map(d -> d.path("deviceId").asString()))
                .distinct().toList();
        assertThat(devices).as("devices of %s", SPLIT_APP.id()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void answersEveryConcurrentInferenceOnceWithTheWholeModelsBits() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_APP; i++) {
            for (int a = 0; a < APPS.size(); a++) {
                DemoApp app = APPS.get(a);
                long seed = 1_000L * a + i;
                // odd requests use the binary tensor extension both ways, even ones JSON
                calls.add(new Call(app, "e2e-" + app.id() + "-" + i, Zoo.randomInput(app.model(), seed), i % 2 == 1));
            }
        }
        Collections.shuffle(calls, new java.util.Random(42));

        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<OipClient.Answer>> pending = new ArrayList<>();
        try {
            for (Call call : calls) {
                pending.add(clients.submit(() -> oip.infer(call.app().id(), call.requestId(), call.input(),
                        call.binary(), REQUEST_TIMEOUT)));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("all %d requests answered within %s", calls.size(), LOAD_TIMEOUT).isTrue();
        } finally {
            clients.shutdownNow();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "e2e: %d inferences, %d in flight, answered in %.1f s (%.1f/s)%n",
                calls.size(), IN_FLIGHT, seconds, calls.size() / seconds);

        Map<String, Integer> answersPerId = new HashMap<>();
        Map<String, Emulator> emulators = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            OipClient.Answer answer = pending.get(i).get();
            assertThat(answer.status()).as("%s: %s", call.requestId(), answer.text()).isEqualTo(200);
            assertThat(answer.body().path("model_name").asString()).isIn(call.app().id(), call.app().model());
            answersPerId.merge(answer.body().path("id").asString(), 1, Integer::sum);
            int[] expected = expectedOutput(emulators, call);
            if (!java.util.Arrays.equals(answer.output(), expected)) {
                wrong.add(call.requestId());
            }
        }
        assertThat(wrong).as("requests whose output differs from the whole model on one device").isEmpty();
        Map<String, Integer> expectedIds = calls.stream()
                .collect(Collectors.toMap(Call::requestId, c -> 1, Integer::sum, LinkedHashMap::new));
        assertThat(answersPerId).as("answers per request id").isEqualTo(expectedIds);
    }

    @Test
    void rejectsAnUnknownModelNamingIt() {
        OipClient.Answer answer = oip.post("/v2/models/no-such-app/infer", "application/json",
                jsonRequest("INT8", "[1, 49, 128]", 49 * 128).getBytes(StandardCharsets.UTF_8));

        assertJsonError(answer, 404, "no-such-app");
    }

    @Test
    void rejectsAnInputOfTheWrongShapeNamingTheField() {
        OipClient.Answer answer = oip.post("/v2/models/keywords/infer", "application/json",
                jsonRequest("INT8", "[1, 2, 3]", 6).getBytes(StandardCharsets.UTF_8));

        assertJsonError(answer, 400, "inputs[0].shape");
    }

    @Test
    void rejectsAnInputOfTheWrongDatatypeNamingTheField() {
        int[] shape = Zoo.architecture("kws").inputShape().toArray();
        String shapeJson = java.util.Arrays.toString(shape);
        int elements = Zoo.architecture("kws").inputShape().elements();

        assertJsonError(oip.post("/v2/models/keywords/infer", "application/json",
                jsonRequest("INT32", shapeJson, elements).getBytes(StandardCharsets.UTF_8)), 400, "inputs[0].datatype");
        assertJsonError(oip.post("/v2/models/keywords/infer", "application/json",
                jsonRequest("FP16", shapeJson, elements).getBytes(StandardCharsets.UTF_8)), 400, "inputs[0].datatype");
    }

    @Test
    void rejectsMalformedJsonNamingTheBody() {
        OipClient.Answer answer = oip.post("/v2/models/keywords/infer", "application/json",
                "{\"id\": \"x\", \"inputs\": [{\"name\": ".getBytes(StandardCharsets.UTF_8));

        assertJsonError(answer, 400, "body");
    }

    @Test
    void rejectsABodyOverTheExecutorsLimitNamingIt() {
        // max-request-bytes: 8 MiB (docs/inference-api.md); one byte more, all of it a JSON string
        byte[] body = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        OipClient.Answer answer = oip.post("/v2/models/keywords/infer", "application/json", body);

        assertJsonError(answer, 400, "body");
        assertThat(answer.body().path("error").asString()).contains("8388608");
    }

    private static void assertJsonError(OipClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.body()).as("a JSON body: %s", answer.text()).isNotNull();
        assertThat(answer.body().path("error").asString()).as(answer.text()).contains(field);
        assertThat(answer.text()).doesNotContain("\tat ", "Exception:");
    }

    private static String jsonRequest(String datatype, String shape, int elements) {
        String data = java.util.stream.IntStream.range(0, elements).mapToObj(i -> Integer.toString(i % 100))
                .collect(Collectors.joining(","));
        return "{\"id\": \"bad-1\", \"inputs\": [{\"name\": \"input\", \"datatype\": \"" + datatype
                + "\", \"shape\": " + shape + ", \"data\": [" + data + "]}]}";
    }

    /** The whole model on one emulated device: the last output layer's tensor, as the executor answers it. */
    private static int[] expectedOutput(Map<String, Emulator> emulators, Call call) {
        Emulator emulator = emulators.computeIfAbsent(call.app().model(), m -> new Emulator(Zoo.model(m)));
        Network network = emulator.model().network();
        int last = network.outputLayers().get(network.outputLayers().size() - 1);
        Tensor output = emulator.run(call.input()).tensor(last);
        int[] values = new int[output.shape().elements()];
        for (int i = 0; i < values.length; i++) {
            values[i] = output.at(i);
        }
        return values;
    }

    private static JsonNode planOf(String appId) {
        JsonNode plans = registry.plans();
        assertThat(plans).as("GET /api/plans").isNotNull();
        for (JsonNode plan : plans.path("plans")) {
            if (appId.equals(plan.path("appId").asString())) {
                return plan;
            }
        }
        throw new AssertionError("no plan for " + appId + " in " + plans);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not " + what + " after " + timeout.toSeconds() + " s; plans: "
                        + registry.plans());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** One device of the gateway's list, as command-line properties (they replace the configured list). */

    private record Call(DemoApp app, String requestId, Int8Tensor input, boolean binary) {
    }
}

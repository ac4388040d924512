package io.synergy.gateway;

import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.TraceParent;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelPackage;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.contracts.topic.Topic;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.network.Model;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.zoo.Zoo;
import io.synergy.testkit.kafka.KafkaBroker;
import io.synergy.testkit.kafka.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway against a real broker, driven only by plain Kafka clients: a model and a plan set
 * placing two segments of it on the gateway's two devices, then activations on its topic.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    private static final String GATEWAY = "gw-it";
    private static final Model MODEL = TinyModels.classifier("tiny-it", 11);
    private static final String ROUTE = GATEWAY + "/dev-a:0-2;" + GATEWAY + "/dev-b:2-3";
    /** A zoo model with a residual block: split at layer 3, two tensors (layers 1 and 2) cross the split. */
    private static final Model ZOO = Zoo.model("ressimplenet");
    private static final int ZOO_SPLIT = 3;
    private static final String ZOO_ROUTE = GATEWAY + "/dev-b:0-" + ZOO_SPLIT + ";" + GATEWAY + "/dev-a:" + ZOO_SPLIT
            + "-" + ZOO.network().size();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();

    private static ConfigurableApplicationContext app;
    private static KafkaProducer<String, byte[]> producer;
    private static String bootstrap;

    @BeforeAll
    static void startGateway(KafkaBroker broker) {
        bootstrap = broker.bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
        app = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                "--server.port=0",
                "--synergy.gateway.gateway-id=" + GATEWAY,
                "--synergy.gateway.heartbeat-interval=2s",
                "--management.tracing.sampling.probability=1.0",
                "--synergy.gateway.devices[0].id=dev-a",
                "--synergy.gateway.devices[0].type=max78000",
                "--synergy.gateway.devices[0].capabilities=camera",
                "--synergy.gateway.devices[0].link=spi-10m",
                "--synergy.gateway.devices[1].id=dev-b",
                "--synergy.gateway.devices[1].type=max78000",
                "--synergy.gateway.devices[1].bandwidth-bytes-per-second=500000",
                "--synergy.gateway.devices[1].latency-micros=200");
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void runsTwoSegmentsOnTwoDevicesAndPublishesTheWholeModelsOutputBitForBit() {
        publishModelAndPlan(1);
        awaitSegmentsLoaded(1);
        Int8Tensor input = TinyModels.input(MODEL, 5);

        sendFirstStage("req-split-1", "app-it", ROUTE, 1, input);

        InferenceResultEvent result = awaitResult("req-split-1");
        int[] whole = new Emulator(MODEL).run(input).tensor(2).toIntArray();
        assertThat(result).isInstanceOfSatisfying(InferenceCompleted.class, completed -> {
            assertThat(completed.output()).isEqualTo(new WireTensor(TensorDatatype.INT32, List.of(10, 1, 1), whole));
            assertThat(completed.model()).isEqualTo("tiny-it");
            assertThat(completed.appId()).isEqualTo("app-it");
            assertThat(completed.epoch()).isEqualTo(1);
        });
    }

    @Test
    @Order(2)
    void splitsAZooModelWhereTwoTensorsCrossTheSplitAndStillEqualsTheWholeModelBitForBit() {
        assertThat(ZOO.network().liveTensors(ZOO_SPLIT)).hasSize(2);
        Int8Tensor input = Zoo.randomInput("ressimplenet", 3);

        sendFirstStage("req-zoo-1", "app-zoo", ZOO_ROUTE, 1, input);

        int last = ZOO.network().size() - 1;
        io.synergy.core.tensor.Tensor whole = new Emulator(ZOO).run(input).tensor(last);
        assertThat(awaitResult("req-zoo-1")).isInstanceOfSatisfying(InferenceCompleted.class, completed -> {
            assertThat(completed.output().data()).isEqualTo(whole.toIntArray());
            assertThat(completed.output().shape()).containsExactly(100, 1, 1);
            assertThat(completed.model()).isEqualTo("ressimplenet");
        });
    }

    @Test
    @Order(3)
    void answersAStageOfAnOlderEpochThanTheLoadedOneWithAStageRejected() {
        publishPlan(2);
        awaitSegmentsLoaded(2);

        sendFirstStage("req-stale-1", "app-it", ROUTE, 1, TinyModels.input(MODEL, 6));

        assertThat(awaitResult("req-stale-1")).isInstanceOfSatisfying(StageRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(StageRejection.STALE_EPOCH);
            assertThat(rejected.loadedEpoch()).isEqualTo(2);
            assertThat(rejected.deviceId()).isEqualTo("dev-a");
        });
    }

    @Test
    @Order(4)
    void eachHopOfAnInferenceCarriesTheSameTraceWithItsOwnStageSpanAsParent() {
        TraceParent executorSpan = new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01");

        sendFirstStage("req-traced-1", "app-it", ROUTE, 2, TinyModels.input(MODEL, 7), executorSpan);

        assertThat(awaitResult("req-traced-1")).isInstanceOf(InferenceCompleted.class);
        ConsumerRecord<String, byte[]> secondStage = readUntil(Topic.activationsOf(GATEWAY), all -> all.stream()
                .anyMatch(r -> "req-traced-1".equals(r.key()) && stageIndex(r) == 1)).stream()
                .filter(r -> "req-traced-1".equals(r.key()) && stageIndex(r) == 1).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> result = readUntil(Topic.STAGE_OUTCOMES.topicName(),
                all -> all.stream().anyMatch(r -> "req-traced-1".equals(r.key()))).stream()
                .filter(r -> "req-traced-1".equals(r.key())).findFirst().orElseThrow();
        TraceParent firstStageSpan = traceParent(secondStage);
        TraceParent secondStageSpan = traceParent(result);
        assertThat(firstStageSpan.traceId()).isEqualTo(executorSpan.traceId());
        assertThat(secondStageSpan.traceId()).isEqualTo(executorSpan.traceId());
        assertThat(List.of(executorSpan.parentSpanId(), firstStageSpan.parentSpanId(), secondStageSpan.parentSpanId()))
                .as("the executor's span, then each stage's own span").doesNotHaveDuplicates();
        assertThat(secondStageSpan.sampled()).as("the executor's sampling decision holds on every hop").isTrue();
    }

    @Test
    @Order(4)
    void servesPrometheusMetricsOfStageServiceTimeDeviceBusyTimeAndQueues() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("synergy_stage_service_time_seconds_bucket{app=\"app-it\"",
                "synergy_stage_service_time_seconds_count{app=\"app-it\",device=\"dev-a\",layers=\"0-2\"",
                "synergy_device_busy_seconds_total{device=\"dev-b\"", "synergy_gateway_queue_depth{device=\"dev-a\"",
                "synergy_gateway_stages_total{outcome=\"completed\"");
    }

    @Test
    @Order(4)
    void documentsItsRestApiAsOpenApi() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.", "\"/api/gateway/devices\"");
    }

    @Test
    @Order(4)
    void showsEachDevicesQueueEpochAndSegmentsOverRest() throws Exception {
        HttpResponse<String> response = get("/api/gateway/devices");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"deviceId\":\"dev-a\"", "\"deviceId\":\"dev-b\"", "\"loadedEpoch\":2",
                "\"app-it:0-2\"", "\"app-it:2-3\"", "\"app-zoo:0-3\"", "\"queueDepth\":0", "\"busy\":false");
    }

    @Test
    @Order(5)
    void saysItsDevicesLeftAndTombstonesThemOnAnOrderlyShutdown() {
        app.close();
        app = null;

        List<ConsumerRecord<String, byte[]>> records = readUntil(Topic.DEVICES.topicName(), all ->
                all.stream().filter(r -> r.value() == null).map(ConsumerRecord::key).distinct().count() == 2);
        EventCodec<DeviceEvent> codec = EventCodec.of(DeviceEvent.class);
        List<String> left = records.stream().filter(r -> r.value() != null)
                .map(r -> codec.decode(r.value()).event()).filter(e -> e instanceof DeviceLeft)
                .map(DeviceEvent::deviceId).toList();
        assertThat(left).containsExactlyInAnyOrder("dev-a", "dev-b");
    }

    private static void publishModelAndPlan(long epoch) {
        publishModel("tiny-it", MODEL);
        publishModel("ressimplenet", ZOO);
        publishPlan(epoch);
    }

    private static void publishModel(String name, Model model) {
        ModelRegistered registered = new ModelRegistered(name, null,
                ModelPackage.of("synergy-model/1", io.synergy.core.network.pack.ModelPackage.write(model)));
        producer.send(new ProducerRecord<>(Topic.MODELS.topicName(), registered.key(),
                EventCodec.of(ModelEvent.class).encode(Envelope.of(registered, CLOCK))));
    }

    private static void publishPlan(long epoch) {
        DeviceRef a = new DeviceRef("dev-a", GATEWAY);
        DeviceRef b = new DeviceRef("dev-b", GATEWAY);
        AppPlan plan = new AppPlan("app-it", "tiny-it", new PlanEnds(a, b),
                List.of(new SegmentPlacement(0, 2, List.of(a)), new SegmentPlacement(2, 3, List.of(b))),
                new PlanEstimate(100, 5, "device dev-a compute", "two convolutions on dev-a, the classifier on dev-b"));
        AppPlan zoo = new AppPlan("app-zoo", "ressimplenet", new PlanEnds(b, a),
                List.of(new SegmentPlacement(0, ZOO_SPLIT, List.of(b)),
                        new SegmentPlacement(ZOO_SPLIT, ZOO.network().size(), List.of(a))),
                new PlanEstimate(100, 5, "device dev-a compute", "the residual blocks after layer 3 on dev-a"));
        PlanSetPublished planSet = new PlanSetPublished(epoch, "test", List.of(plan, zoo), List.of());
        producer.send(new ProducerRecord<>(Topic.PLANS.topicName(), planSet.key(),
                EventCodec.of(PlanEvent.class).encode(Envelope.of(planSet, CLOCK))));
        producer.flush();
    }

    private static void awaitSegmentsLoaded(long epoch) {
        EventCodec<DeviceEvent> codec = EventCodec.of(DeviceEvent.class);
        Function<ConsumerRecord<String, byte[]>, Optional<DeviceSegmentsLoaded>> loaded = r -> {
            if (r.value() == null) {
                return Optional.empty();
            }
            DeviceEvent event = codec.decode(r.value()).event();
            return event instanceof DeviceSegmentsLoaded && ((DeviceSegmentsLoaded) event).epoch() == epoch
                    ? Optional.of((DeviceSegmentsLoaded) event) : Optional.empty();
        };
        readUntil(Topic.DEVICES.topicName(), all -> all.stream().map(loaded).flatMap(Optional::stream)
                .map(DeviceSegmentsLoaded::deviceId).distinct().count() == 2);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int stageIndex(ConsumerRecord<String, byte[]> record) {
        return Integer.parseInt(new String(record.headers().lastHeader(Header.STAGE_INDEX.headerName()).value(),
                StandardCharsets.UTF_8));
    }

    private static TraceParent traceParent(ConsumerRecord<String, byte[]> record) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(Header.TRACE_PARENT.headerName());
        assertThat(header).as("traceparent on " + record.topic()).isNotNull();
        return TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static void sendFirstStage(String requestId, String appId, String route, long epoch, Int8Tensor input) {
        sendFirstStage(requestId, appId, route, epoch, input, null);
    }

    private static void sendFirstStage(String requestId, String appId, String route, long epoch, Int8Tensor input,
                                       TraceParent trace) {
        ActivationHeaders headers = new ActivationHeaders(new Dispatch(requestId, appId, epoch, Route.parse(route),
                Instant.now().plusSeconds(60)), 0, new TensorDescriptor(TensorDatatype.INT8, List.of(
                input.shape().channels(), input.shape().height(), input.shape().width())), trace);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.activationsOf(GATEWAY), requestId,
                input.toByteArray());
        headers.toHeaders().forEach((name, value) -> record.headers().add(name, value));
        producer.send(record);
        producer.flush();
    }

    private static InferenceResultEvent awaitResult(String requestId) {
        List<ConsumerRecord<String, byte[]>> records = readUntil(Topic.STAGE_OUTCOMES.topicName(),
                all -> all.stream().anyMatch(r -> requestId.equals(r.key())));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> requestId.equals(r.key())).findFirst()
                .orElseThrow();
        return EventCodec.of(InferenceResultEvent.class).decode(record.value()).event();
    }

    /** Reads a whole topic from the beginning until the records read so far satisfy {@code done}. */
    private static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            await().atMost(WAIT).until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return done.test(all);
            });
        }
        return all;
    }
}

package io.synergy.executor;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.contracts.topic.Topic;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Window;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.core.tensor.Shape;
import io.synergy.executor.application.InFlightTracker;
import io.synergy.testkit.kafka.KafkaBroker;
import io.synergy.testkit.kafka.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executor against a real broker, with a fake gateway in the test: a plain Kafka consumer on its
 * activation topic that answers every activation with a result on {@code synergy.stage.outcomes},
 * twice, so the executor must drop the second; the results topic must carry exactly one.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutorServiceIT {

    private static final String GATEWAY = "gw-fake";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AtomicBoolean running = new AtomicBoolean(true);
    /** While set, the fake gateway does not answer requests whose id starts with "hold-". */
    private final AtomicBoolean holding = new AtomicBoolean(true);
    private final List<ActivationHeaders> activations = new CopyOnWriteArrayList<>();
    private KafkaProducer<byte[], byte[]> producer;
    private Thread fakeGateway;
    private ConfigurableApplicationContext executor;
    private WebTestClient http;

    @BeforeAll
    void startFleetAndExecutor(KafkaBroker broker) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
        Model tiny = tinyModel();
        send(ModelEvent.class, Topic.MODELS, new ModelRegistered("tiny", "one 1x1 convolution",
                io.synergy.contracts.model.ModelPackage.of("synergy-model/1", ModelPackage.write(tiny))));
        send(AppEvent.class, Topic.APPS, new AppDeployed("captions", "tiny", "microphone", "display", 0));
        DeviceRef device = new DeviceRef("dev-1", GATEWAY);
        send(PlanEvent.class, Topic.PLANS, new PlanSetPublished(1, "synergy", List.of(new AppPlan("captions", "tiny",
                new PlanEnds(device, device), List.of(new SegmentPlacement(0, 1, List.of(device))),
                new PlanEstimate(100, 10, "device dev-1", "one device holds it all"))), List.of()));
        // the fake gateway's device holds epoch 1: the executor dispatches only to devices that loaded the epoch
        send(DeviceEvent.class, Topic.DEVICES, new DeviceSegmentsLoaded(new DeviceDescriptor("dev-1", GATEWAY, "MAX78000",
                List.of("microphone", "display"), new LinkDescriptor("wifi", 1_000_000, 1_000)), 100, 1));
        producer.flush();

        fakeGateway = new Thread(() -> answerActivations(broker.bootstrapServers()), "fake-gateway");
        fakeGateway.setDaemon(true);
        fakeGateway.start();

        startExecutor(broker);
    }

    private void startExecutor(KafkaBroker broker) {
        // command-line arguments, as properties() would only set defaults beneath application.yml
        executor = new SpringApplicationBuilder(ExecutorApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.bootstrapServers(),
                "--synergy.executor.dispatch-timeout=20s",
                "--synergy.executor.default-timeout=60s",
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=WARN",
                "--logging.level.org.springframework.kafka=WARN");
        int port = executor.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(PATIENCE).build();
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/v2/models/captions/ready").exchange()
                .expectStatus().isOk());
    }

    @AfterAll
    void stop() throws InterruptedException {
        running.set(false);
        if (executor != null) {
            executor.close();
        }
        if (fakeGateway != null) {
            fakeGateway.join(Duration.ofSeconds(10).toMillis());
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void anHttpInferenceCompletesWithTheGatewaysResultAndTheDuplicateIsDropped() {
        InFlightTracker tracker = executor.getBean(InFlightTracker.class);
        long droppedBefore = tracker.droppedResults();

        http.post().uri("/v2/models/tiny/infer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"mine\",\"inputs\":[{\"name\":\"input\",\"shape\":[2,2,2],\"datatype\":\"INT8\","
                        + "\"data\":[1,2,3,4,5,6,7,8]}]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo("mine")
                .jsonPath("$.model_name").isEqualTo("tiny")
                .jsonPath("$.parameters.app_id").isEqualTo("captions")
                .jsonPath("$.outputs[0].datatype").isEqualTo("INT32")
                .jsonPath("$.outputs[0].shape").isEqualTo(List.of(3))
                .jsonPath("$.outputs[0].data").isEqualTo(List.of(36, 8, -1));

        ActivationHeaders sent = activations.get(activations.size() - 1);
        assertThat(sent.dispatch().epoch()).isEqualTo(1);
        assertThat(sent.dispatch().appId()).isEqualTo("captions");
        assertThat(sent.dispatch().route().text()).isEqualTo("gw-fake/dev-1:0-1");
        assertThat(sent.stageIndex()).isZero();
        await().atMost(PATIENCE).until(() -> tracker.droppedResults() == droppedBefore + 1);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void everyDispatchCarriesATraceparentAndTheLatencyIsCountedPerAppInPrometheus() {
        int before = activations.size();

        http.post().uri("/v2/models/tiny/infer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\":[{\"name\":\"input\",\"shape\":[2,2,2],\"datatype\":\"INT8\","
                        + "\"data\":[1,2,3,4,5,6,7,8]}]}")
                .exchange().expectStatus().isOk();

        assertThat(activations.subList(before, activations.size())).isNotEmpty()
                .allSatisfy(sent -> assertThat(sent.trace()).as("traceparent of " + sent.dispatch().requestId()).isPresent());
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains(
                        "synergy_inference_latency_seconds_count{app=\"captions\",outcome=\"completed\"",
                        "synergy_inference_latency_seconds_bucket{app=\"captions\"", "synergy_executor_redispatches_total",
                        "synergy_executor_in_flight"));
    }

    @Test
    void documentsTheOipEndpointsAsOpenApi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("\"openapi\":\"3.", "\"/v2/models/{name}/infer\"",
                        "\"/v2/models/{name}/ready\"", "\"/api/infer/{name}\"", "\"/v2/health/ready\""));
    }

    @Test
    void metadataNamesTheModelsInputAndOutputTensors() {
        http.get().uri("/v2/models/captions").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("captions")
                .jsonPath("$.inputs[0].datatype").isEqualTo("INT8")
                .jsonPath("$.inputs[0].shape").isEqualTo(List.of(2, 2, 2))
                .jsonPath("$.outputs[0].datatype").isEqualTo("INT32")
                .jsonPath("$.outputs[0].shape").isEqualTo(List.of(3, 2, 2));
    }

    @Test
    void anUnknownModelIsA404NamingWhatIsServed() {
        http.post().uri("/api/infer/nosuch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\":[{\"name\":\"input\",\"shape\":[2,2,2],\"datatype\":\"INT8\",\"data\":[1,2,3,4,5,6,7,8]}]}")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").value(message -> assertThat((String) message)
                        .contains("nosuch").contains("captions (tiny)"));
    }

    @Test
    void aKafkaRequestForAnUnknownModelIsAnsweredOnTheResultsTopic(KafkaBroker broker) {
        String requestId = "kafka-" + UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> results = consumer(broker.bootstrapServers())) {
            results.subscribe(List.of(Topic.INFERENCE_RESULTS.topicName()));
            send(InferenceRequestEvent.class, Topic.INFERENCE_REQUESTS, new InferenceRequested(requestId, "nosuch",
                    new WireTensor(TensorDatatype.INT8, List.of(2, 2, 2), new int[8]), 0));
            producer.flush();

            EventCodec<InferenceResultEvent> codec = EventCodec.of(InferenceResultEvent.class);
            List<InferenceResultEvent> answers = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : results.poll(Duration.ofMillis(200))) {
                    if (new String(record.key(), StandardCharsets.UTF_8).equals(requestId)) {
                        answers.add(codec.decode(record.value()).event());
                    }
                }
                return !answers.isEmpty();
            });
            assertThat(answers.get(0)).isInstanceOfSatisfying(InferenceFailed.class,
                    failed -> assertThat(failed.code()).isEqualTo(FailureCode.UNKNOWN_MODEL));
        }
    }

    @Test
    void aKafkaRequestIsAnsweredExactlyOnceOnTheResultsTopicThoughTheGatewayCompletedItTwice(KafkaBroker broker) {
        InFlightTracker tracker = executor.getBean(InFlightTracker.class);
        long droppedBefore = tracker.droppedResults();
        String requestId = "kafka-" + UUID.randomUUID();
        send(InferenceRequestEvent.class, Topic.INFERENCE_REQUESTS, new InferenceRequested(requestId, "tiny",
                new WireTensor(TensorDatatype.INT8, List.of(2, 2, 2), new int[] {1, 1, 1, 1, 1, 1, 1, -9}), 0));
        producer.flush();

        InferenceResultEvent answer = firstAnswer(broker, requestId);
        await().atMost(PATIENCE).until(() -> tracker.droppedResults() > droppedBefore);

        assertThat(answer).isInstanceOfSatisfying(InferenceCompleted.class,
                completed -> assertThat(completed.output().data()).containsExactly(-2, 8, -11));
        assertThat(activations).anySatisfy(headers -> assertThat(headers.dispatch().requestId()).isEqualTo(requestId));
        assertThat(answersOf(broker, requestId)).hasSize(1);
    }

    /** Last, as it replaces the class's executor: the committed offset, not luck, carries the request over. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aKafkaRequestInFlightWhenItsExecutorStopsIsAnsweredOnceByTheNextExecutor(KafkaBroker broker) {
        String requestId = "hold-" + UUID.randomUUID();
        send(InferenceRequestEvent.class, Topic.INFERENCE_REQUESTS, new InferenceRequested(requestId, "tiny",
                new WireTensor(TensorDatatype.INT8, List.of(2, 2, 2), new int[8]), 0));
        producer.flush();
        await().atMost(PATIENCE).until(() -> activations.stream()
                .anyMatch(headers -> headers.dispatch().requestId().equals(requestId)));

        executor.close();   // admitted and dispatched, not answered: its offset is not committed
        holding.set(false);
        startExecutor(broker);

        assertThat(firstAnswer(broker, requestId)).isInstanceOf(InferenceCompleted.class);
        assertThat(answersOf(broker, requestId)).hasSize(1);
    }

    /** Every outcome of a request on the results topic, read from the beginning to the end. */
    private static List<InferenceResultEvent> answersOf(KafkaBroker broker, String requestId) {
        EventCodec<InferenceResultEvent> codec = EventCodec.of(InferenceResultEvent.class);
        List<InferenceResultEvent> answers = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> results = consumer(broker.bootstrapServers())) {
            List<org.apache.kafka.common.TopicPartition> partitions = results.partitionsFor(Topic.INFERENCE_RESULTS.topicName())
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            results.assign(partitions);
            results.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = results.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> results.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : results.poll(Duration.ofMillis(200))) {
                    if (new String(record.key(), StandardCharsets.UTF_8).equals(requestId)) {
                        answers.add(codec.decode(record.value()).event());
                    }
                }
            }
        }
        return answers;
    }

    @Test
    void aKafkaRequestThatDoesNotReadIsAnsweredInvalidInputUnderItsKey(KafkaBroker broker) {
        String requestId = "kafka-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topic.INFERENCE_REQUESTS.topicName(), requestId.getBytes(StandardCharsets.UTF_8),
                "{\"schemaVersion\":1,\"type\":\"InferenceRequested\"}".getBytes(StandardCharsets.UTF_8)));
        producer.flush();

        assertThat(firstAnswer(broker, requestId)).isInstanceOfSatisfying(InferenceFailed.class,
                failed -> assertThat(failed.code()).isEqualTo(FailureCode.INVALID_INPUT));
    }

    private static InferenceResultEvent firstAnswer(KafkaBroker broker, String requestId) {
        EventCodec<InferenceResultEvent> codec = EventCodec.of(InferenceResultEvent.class);
        List<InferenceResultEvent> answers = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> results = consumer(broker.bootstrapServers())) {
            results.subscribe(List.of(Topic.INFERENCE_RESULTS.topicName()));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : results.poll(Duration.ofMillis(200))) {
                    if (new String(record.key(), StandardCharsets.UTF_8).equals(requestId)) {
                        answers.add(codec.decode(record.value()).event());
                    }
                }
                return !answers.isEmpty();
            });
        }
        return answers.get(0);
    }

    /** The fake gateway: reads activations, answers each with the same result twice. */
    private void answerActivations(String bootstrapServers) {
        EventCodec<InferenceResultEvent> codec = EventCodec.of(InferenceResultEvent.class);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(Topic.activationsOf(GATEWAY)));
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    ActivationHeaders headers = ActivationHeaders.fromHeaders(name -> {
                        Header header = record.headers().lastHeader(name);
                        return header == null ? null : header.value();
                    });
                    activations.add(headers);
                    if (headers.dispatch().requestId().startsWith("hold-") && holding.get()) {
                        continue; // this dispatch is never answered, as if its gateway had died with it
                    }
                    WireTensor input = WireTensor.fromBytes(headers.tensor(), record.value());
                    int[] in = input.data();
                    // a stand-in for the stage: sum, count, minimum of the input
                    int sum = 0;
                    int min = Integer.MAX_VALUE;
                    for (int value : in) {
                        sum += value;
                        min = Math.min(min, value);
                    }
                    WireTensor output = new WireTensor(TensorDatatype.INT32, List.of(3), new int[] {sum, in.length, min - 2});
                    InferenceCompleted result = new InferenceCompleted(headers.dispatch().requestId(), "tiny",
                            headers.dispatch().appId(), headers.dispatch().epoch(), output);
                    for (int copy = 0; copy < 2; copy++) {
                        producer.send(new ProducerRecord<>(Topic.STAGE_OUTCOMES.topicName(), record.key(),
                                codec.encode(Envelope.of(result, Clock.systemUTC()))));
                    }
                    producer.flush();
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private <E extends Event> void send(Class<E> family, Topic topic, E event) {
        producer.send(new ProducerRecord<>(topic.topicName(), event.key().getBytes(StandardCharsets.UTF_8),
                EventCodec.of(family).encode(Envelope.of(event, Clock.systemUTC()))));
    }

    /** Input 2x2x2, one 1x1 convolution to 3 channels with 32-bit output: a model small enough to type. */
    private static Model tinyModel() {
        Layer conv = Layer.builder(0, Operation.CONV2D).outputChannels(3).kernel(Window.ONE).padding(Window.ZERO)
                .weightBits(8).bias(false).outputWidth(32).build();
        Network network = new Network("tiny", new Shape(2, 2, 2), DataFormat.CHW, List.of(conv));
        byte[] weights = new byte[(int) network.geometry(0).weightCount()];
        return new Model(network, java.util.Arrays.asList(new LayerParameters(weights, null)));
    }
}

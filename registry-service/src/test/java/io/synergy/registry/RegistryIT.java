package io.synergy.registry;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.topic.Topic;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.registry.application.ImportLimits;
import io.synergy.registry.application.ModelImport;
import io.synergy.registry.application.Uploads;
import io.synergy.testkit.kafka.KafkaBroker;
import io.synergy.testkit.kafka.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry against a real broker: what it accepted survives a restart, because its state is
 * rebuilt from the compacted topics; what it refused left no trace.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void rebuildsRegisteredModelsAppsAndDevicesFromTheTopicsAfterARestart(KafkaBroker broker) throws Exception {
        try (ConfigurableApplicationContext registry = start(broker)) {
            String base = baseUrl(registry);

            HttpResponse<String> ai8x = post(base + "/api/models", multipart(Map.of("name", "digits",
                    "inputShape", Uploads.MNIST_INPUT_SHAPE), Uploads.mnistYaml(), Uploads.mnistCheckpoint()));
            assertThat(ai8x.statusCode()).as(ai8x.body()).isEqualTo(201);
            assertThat(json(ai8x).get("weightBytes").asLong()).isEqualTo(71_148);
            assertThat(json(ai8x).get("fits").get(0).get("fits").asBoolean()).isTrue();

            byte[] pack = ModelPackage.write(new ModelImport(new ImportLimits(1 << 20, 32 << 20, 12 << 20))
                    .fromAi8x("packaged", Uploads.mnistYaml(), Uploads.mnistCheckpoint(), "1x28x28"));
            HttpResponse<String> packaged = send(HttpRequest.newBuilder(URI.create(base + "/api/models"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pack)));
            assertThat(packaged.statusCode()).as(packaged.body()).isEqualTo(201);
            assertThat(json(packaged).get("name").asString()).isEqualTo("packaged");

            HttpResponse<String> zoo = post(base + "/api/models/zoo/kws");
            assertThat(zoo.statusCode()).as(zoo.body()).isEqualTo(201);
            assertThat(json(zoo).get("name").asString()).isEqualTo("kws");

            assertThat(postJson(base + "/api/apps", "{\"id\":\"reader\",\"model\":\"digits\",\"source\":\"camera\","
                    + "\"target\":\"display\",\"wantedRatePerSecond\":5}").statusCode()).isEqualTo(201);
            assertThat(postJson(base + "/api/apps", "{\"id\":\"brief\",\"model\":\"packaged\",\"source\":\"camera\","
                    + "\"target\":\"display\"}").statusCode()).isEqualTo(201);
            assertThat(delete(base + "/api/apps/brief").statusCode()).isEqualTo(204);
            assertThat(delete(base + "/api/models/packaged").statusCode()).isEqualTo(204);

            announce(broker, new DeviceDescriptor("glasses-1", "gw-head", "MAX78000", List.of("camera", "display"),
                    new LinkDescriptor("ble-2m", 170_000, 7_500)));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(json(get(base + "/api/devices")).findValues("deviceId"))
                    .extracting(JsonNode::asString).contains("glasses-1"));
        }

        try (ConfigurableApplicationContext registry = start(broker)) {
            String base = baseUrl(registry);

            assertThat(names(get(base + "/api/models"), "name")).containsExactly("digits", "kws");
            assertThat(names(get(base + "/api/apps"), "appId")).containsExactly("reader");
            assertThat(json(get(base + "/api/apps/reader")).get("wantedRatePerSecond").asDouble()).isEqualTo(5.0);
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            // the fleet is live state, folded as it streams in rather than before the start completes
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(json(get(base + "/api/devices")).findValues("deviceId"))
                    .extracting(JsonNode::asString).contains("glasses-1"));
        }
    }

    @Test
    void refusesBadInputWithAProblemNamingTheFieldAndStoresNothing(KafkaBroker broker) throws Exception {
        try (ConfigurableApplicationContext registry = start(broker)) {
            String base = baseUrl(registry);
            List<String> before = names(get(base + "/api/models"), "name");

            HttpResponse<String> garbage = post(base + "/api/models", multipart(Map.of("name", "broken",
                    "inputShape", "1x28x28"), Uploads.mnistYaml(), "no zip".getBytes(StandardCharsets.US_ASCII)));
            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(garbage.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(garbage).get("field").asString()).isEqualTo("checkpoint");
            assertThat(json(garbage).get("code").asString()).isEqualTo("invalid-model");

            HttpResponse<String> oversized = post(base + "/api/models", multipart(Map.of("name", "huge",
                    "inputShape", "1x28x28"), Uploads.mnistYaml(), new byte[3 << 20]));
            assertThat(oversized.statusCode()).isEqualTo(400);
            assertThat(json(oversized).get("field").asString()).isEqualTo("multipart");
            assertThat(json(oversized).get("limit").asString()).contains(Long.toString(2L << 20));

            HttpResponse<String> shape = post(base + "/api/models", multipart(Map.of("name", "shapeless",
                    "inputShape", "3 by 32"), Uploads.mnistYaml(), Uploads.mnistCheckpoint()));
            assertThat(json(shape).get("field").asString()).isEqualTo("inputShape");

            HttpResponse<String> unknownModel = postJson(base + "/api/apps",
                    "{\"id\":\"lost\",\"model\":\"nope\",\"source\":\"camera\",\"target\":\"display\"}");
            assertThat(unknownModel.statusCode()).isEqualTo(400);
            assertThat(json(unknownModel).get("field").asString()).isEqualTo("model");

            HttpResponse<String> malformed = postJson(base + "/api/apps", "{\"id\":");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(json(malformed).get("field").asString()).isEqualTo("body");
            assertThat(malformed.body()).doesNotContain("Exception");

            assertThat(get(base + "/api/models/nope").statusCode()).isEqualTo(404);
            HttpResponse<String> unknownZoo = post(base + "/api/models/zoo/alexnet");
            assertThat(unknownZoo.statusCode()).isEqualTo(404);
            assertThat(json(unknownZoo).get("code").asString()).isEqualTo("unknown-zoo-model");
            assertThat(names(get(base + "/api/models"), "name")).isEqualTo(before);
            assertThat(names(get(base + "/api/apps"), "appId")).doesNotContain("lost");
        }
    }

    @Test
    void writesTheDepartureOfADeviceWhoseHeartbeatsStopped(KafkaBroker broker) throws Exception {
        try (ConfigurableApplicationContext registry = start(broker, "--synergy.registry.heartbeat-interval=300ms",
                "--synergy.registry.missed-heartbeats=2")) {
            String base = baseUrl(registry);
            announce(broker, new DeviceDescriptor("ring-7", "gw-silent", "MAX78000", List.of("imu"),
                    new LinkDescriptor("ble-2m", 170_000, 7_500)));

            // announced, then silent: after 2 x 300 ms the registry writes its departure for it
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(departureOf(broker, "ring-7"))
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith("missed heartbeats")));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(json(get(base + "/api/devices")).findValues("deviceId"))
                    .extracting(JsonNode::asString).doesNotContain("ring-7"));
        }
    }

    /** The reason of the last DeviceLeft of a device on synergy.devices, if one was written and a tombstone followed it. */
    private static java.util.Optional<String> departureOf(KafkaBroker broker, String deviceId) {
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class,
                org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(config)) {
            org.apache.kafka.common.TopicPartition partition = new org.apache.kafka.common.TopicPartition(Topic.DEVICES.topicName(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            String reason = null;
            boolean tombstoned = false;
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (!deviceId.equals(record.key())) {
                        continue;
                    }
                    if (record.value() == null) {
                        tombstoned = reason != null;
                    } else if (EventCodec.of(DeviceEvent.class).decode(record.value()).event()
                            instanceof io.synergy.contracts.device.DeviceLeft left) {
                        reason = left.reason();
                        tombstoned = false;
                    }
                }
            }
            return tombstoned ? java.util.Optional.of(reason) : java.util.Optional.empty();
        }
    }

    private static ConfigurableApplicationContext start(KafkaBroker broker, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.bootstrapServers(),
                "--spring.servlet.multipart.max-file-size=2MB",
                "--spring.servlet.multipart.max-request-size=3MB",
                "--synergy.registry.start-timeout=60s"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(RegistryApplication.class).run(args.toArray(String[]::new));
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static void announce(KafkaBroker broker, DeviceDescriptor device) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = EventCodec.of(DeviceEvent.class).encode(Envelope.of(new DeviceAnnounced(device, 80),
                Clock.systemUTC()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topic.DEVICES.topicName(), device.deviceId(), value))
                    .get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** A multipart/form-data body with text fields and the two files {@code yaml} and {@code checkpoint}. */
    private static Multipart multipart(Map<String, String> fields, byte[] yaml, byte[] checkpoint) {
        String boundary = "----synergy" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        file(body, boundary, "yaml", "network.yaml", yaml);
        file(body, boundary, "checkpoint", "checkpoint.pth.tar", checkpoint);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, body.toByteArray());
    }

    private static void file(ByteArrayOutputStream body, String boundary, String name, String filename, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private record Multipart(String boundary, byte[] body) {
    }

    private HttpResponse<String> post(String url, Multipart multipart) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body())));
    }

    private HttpResponse<String> post(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> postJson(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> delete(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> names(HttpResponse<String> response, String field) {
        List<String> names = new ArrayList<>();
        json(response).forEach(node -> names.add(node.get(field).asString()));
        return names;
    }
}

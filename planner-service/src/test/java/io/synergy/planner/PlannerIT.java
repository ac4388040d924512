package io.synergy.planner;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.measurement.MeasurementEvent;
import io.synergy.contracts.measurement.SegmentTimes;
import io.synergy.contracts.measurement.StageTimesMeasured;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelPackage;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.topic.Topic;
import io.synergy.core.zoo.Zoo;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The planner against a real broker: devices, a model and an app on the topics give plan set 1; a
 * device leaving gives plan set 2 without it; after a restart the epochs go on from the last one.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PlannerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final LinkDescriptor BLE = new LinkDescriptor("ble-2m", 170_000, 7_500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void plansOnEveryChangeWithEpochsThatSurviveARestart(KafkaBroker broker) throws Exception {
        DeviceDescriptor left = new DeviceDescriptor("glasses-1", "gw-head", "MAX78000", List.of("camera", "display"), BLE);
        DeviceDescriptor right = new DeviceDescriptor("glasses-2", "gw-head", "MAX78000", List.of("camera", "display"),
                BLE);
        DeviceDescriptor phone = new DeviceDescriptor("phone-1", "gw-hub", "MAX78002", List.of(), BLE);

        try (KafkaProducer<String, byte[]> producer = producer(broker);
             ConfigurableApplicationContext planner = start(broker)) {
            String base = baseUrl(planner);
            for (DeviceDescriptor device : List.of(left, right, phone)) {
                send(producer, Topic.DEVICES, DeviceEvent.class, new DeviceAnnounced(device, 90));
            }
            send(producer, Topic.MODELS, ModelEvent.class, registered("kws"));
            // the topics are read by separate consumers: let the fleet and the model arrive before the app
            await().atMost(TIMEOUT).until(() -> {
                JsonNode space = json(get(base + "/api/space"));
                return space.get("devices").size() == 3 && space.get("models").size() == 1;
            });
            send(producer, Topic.APPS, AppEvent.class, new AppDeployed("captions", "kws", "camera", "display", 0));

            JsonNode first = awaitPlanSet(base, 1);
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(first.get("plans")).hasSize(1);
            assertThat(first.get("plans").get(0).get("estimate").get("explanation").asString()).contains("bottleneck");
            String source = first.get("plans").get(0).get("ends").get("source").get("deviceId").asString();

            JsonNode whatIf = json(get(base + "/api/plans/what-if?without=" + source));
            assertThat(whatIf.get("basedOnEpoch").asLong()).isEqualTo(1);
            assertThat(whatIf.get("outcome").get("plans")).hasSize(1);
            assertThat(whatIf.get("outcome").findValues("deviceId")).extracting(JsonNode::asString).doesNotContain(source);

            send(producer, Topic.DEVICES, DeviceEvent.class, new DeviceLeft(source, "gw-head", "unplugged"));
            producer.send(new ProducerRecord<>(Topic.DEVICES.topicName(), source, null)).get(30, TimeUnit.SECONDS);

            JsonNode second = awaitPlanSet(base, 2);
            assertThat(second.get("plans")).hasSize(1);
            assertThat(second.findValues("deviceId")).extracting(JsonNode::asString).doesNotContain(source);
        }

        try (KafkaProducer<String, byte[]> producer = producer(broker);
             ConfigurableApplicationContext planner = start(broker)) {
            String base = baseUrl(planner);
            assertThat(json(get(base + "/api/plans")).get("epoch").asLong()).isEqualTo(2);

            send(producer, Topic.APPS, AppEvent.class, new AppDeployed("subtitles", "kws", "camera", "display", 0));

            assertThat(awaitPlanSet(base, 3).get("plans")).hasSize(2);
            assertThat(get(base + "/actuator/prometheus").body()).contains("synergy_planner_epoch 3.0",
                    "synergy_planner_plan_sets_total 1.0", "synergy_planner_planning_seconds_bucket",
                    "synergy_planner_apps_unplaced 0.0");
        }
    }

    @Test
    void documentsItsRestApiAsOpenApi(KafkaBroker broker) throws Exception {
        try (ConfigurableApplicationContext planner = start(broker)) {
            HttpResponse<String> docs = get(baseUrl(planner) + "/v3/api-docs");

            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("\"openapi\":\"3.", "\"/api/plans\"", "\"/api/plans/what-if\"",
                    "\"/api/space\"");
        }
    }

    @Test
    void foldsMeasuredStageTimesAndPlansADeviceMeasuredFarSlowerAway(KafkaBroker broker) throws Exception {
        // the broker is shared with the other tests: this app's ends exist on this test's glasses only
        DeviceDescriptor glasses = new DeviceDescriptor("glasses-9", "gw-head", "MAX78000",
                List.of("microphone", "speaker"), BLE);
        DeviceDescriptor phone = new DeviceDescriptor("phone-9", "gw-hub", "MAX78002", List.of(), BLE);

        try (KafkaProducer<String, byte[]> producer = producer(broker);
             ConfigurableApplicationContext planner = start(broker)) {
            String base = baseUrl(planner);
            send(producer, Topic.DEVICES, DeviceEvent.class, new DeviceAnnounced(glasses, 90));
            send(producer, Topic.DEVICES, DeviceEvent.class, new DeviceAnnounced(phone, 90));
            send(producer, Topic.MODELS, ModelEvent.class, registered("kws"));
            await().atMost(TIMEOUT).until(() -> {
                JsonNode space = json(get(base + "/api/space"));
                return space.get("devices").findValues("deviceId").stream().map(JsonNode::asString).toList()
                        .containsAll(List.of("glasses-9", "phone-9")) && space.get("models").size() >= 1;
            });
            send(producer, Topic.APPS, AppEvent.class, new AppDeployed("hearing", "kws", "microphone", "speaker", 0));
            await().atMost(TIMEOUT).until(() -> hearing(json(get(base + "/api/plans"))) != null);
            JsonNode first = json(get(base + "/api/plans"));
            assertThat(hearing(first).get("segments").findValues("deviceId"))
                    .extracting(JsonNode::asString).containsOnly("glasses-9");

            // the glasses ran 40 stages of the whole model a thousand times slower than modelled
            double modelled = 1_680;
            send(producer, Topic.MEASUREMENTS, MeasurementEvent.class, new StageTimesMeasured("glasses-9", "gw-head",
                    first.get("epoch").asLong(), 5_000, List.of(new SegmentTimes("kws", 0, 9, 40, 1_000 * modelled, modelled))));

            await().atMost(TIMEOUT).until(() -> json(get(base + "/api/plans")).get("epoch").asLong()
                    > first.get("epoch").asLong());
            JsonNode estimate = json(get(base + "/api/plans/service-times")).get("glasses-9");
            assertThat(estimate.get("measuredToModelled").asDouble()).isCloseTo(1_000, within(1e-6));
            assertThat(estimate.get("factorInForce").asDouble()).isCloseTo(1_000, within(1e-6));
            assertThat(estimate.get("stages").asLong()).isEqualTo(40);
            assertThat(hearing(json(get(base + "/api/plans"))).get("segments").findValues("deviceId"))
                    .extracting(JsonNode::asString).doesNotContain("glasses-9");
        }
    }

    /** The plan of the app "hearing" in a plan set, or null. */
    private static JsonNode hearing(JsonNode planSet) {
        if (planSet == null || planSet.get("plans") == null) {
            return null;
        }
        for (JsonNode plan : planSet.get("plans")) {
            if ("hearing".equals(plan.get("appId").asString())) {
                return plan;
            }
        }
        return null;
    }

    private static ModelRegistered registered(String zooName) {
        return new ModelRegistered(zooName, null, ModelPackage.of("synergy-model/1",
                io.synergy.core.network.pack.ModelPackage.write(Zoo.model(zooName))));
    }

    private JsonNode awaitPlanSet(String base, long epoch) throws Exception {
        await().atMost(TIMEOUT).until(() -> {
            HttpResponse<String> plans = get(base + "/api/plans");
            return plans.statusCode() == 200 && json(plans).get("epoch").asLong() >= epoch;
        });
        JsonNode planSet = json(get(base + "/api/plans"));
        assertThat(planSet.get("epoch").asLong()).isEqualTo(epoch);
        return planSet;
    }

    private static ConfigurableApplicationContext start(KafkaBroker broker) {
        return new SpringApplicationBuilder(PlannerApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.bootstrapServers(),
                "--synergy.planner.debounce=100ms");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    private static <E extends Event> void send(KafkaProducer<String, byte[]> producer, Topic topic, Class<E> family,
                                               E event) throws Exception {
        byte[] value = EventCodec.of(family).encode(Envelope.of(event, Clock.systemUTC()));
        producer.send(new ProducerRecord<>(topic.topicName(), event.key(), value)).get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

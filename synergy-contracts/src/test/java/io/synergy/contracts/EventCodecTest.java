package io.synergy.contracts;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.MalformedMessageException;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.envelope.UnsupportedSchemaVersionException;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.topic.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30.123Z"), ZoneOffset.UTC);

    private final EventCodec<DeviceEvent> devices = EventCodec.of(DeviceEvent.class);

    static Stream<Event> everyEvent() {
        return ContractSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventSurvivesTheRoundTripThroughJson(Event event) {
        EventCodec<Event> codec = ContractSamples.codecOf(event);
        Envelope<Event> sent = Envelope.of(event, CLOCK);

        Envelope<Event> received = codec.decode(codec.encode(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(received.event()).isEqualTo(event).isNotSameAs(event);
        assertThat(received.key()).isEqualTo(event.key());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void writesEveryEventExactlyAsItsJsonTreeWouldReadSoTheFormatIsUnchangedByStreaming(Event event) {
        EventCodec<Event> codec = ContractSamples.codecOf(event);
        Envelope<Event> sent = Envelope.of(event, CLOCK);
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode tree = mapper.createObjectNode();
        tree.put("schemaVersion", sent.schemaVersion());
        tree.put("eventId", sent.eventId().toString());
        tree.put("time", sent.time().toString());
        tree.put("correlationId", sent.correlationId());
        tree.put("type", event.getClass().getSimpleName());
        tree.set("event", mapper.valueToTree(event));

        assertThat(new String(codec.encode(sent), StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(tree));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void readsTheEnvelopeFieldsInAnyOrderAsWellAsInTheWrittenOne(Event event) {
        EventCodec<Event> codec = ContractSamples.codecOf(event);
        Envelope<Event> sent = Envelope.of(event, CLOCK);
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode written = (ObjectNode) mapper.readTree(codec.encode(sent));
        ObjectNode eventFirst = mapper.createObjectNode();
        eventFirst.set("event", written.get("event"));
        eventFirst.put("extra", "ignored");
        written.properties().forEach(field -> eventFirst.set(field.getKey(), field.getValue()));

        assertThat(codec.decode(mapper.writeValueAsBytes(eventFirst))).isEqualTo(sent);
    }

    @Test
    void refusesAnEventThatBreaksItsRulesWhereverTheEnvelopeFieldsStand() {
        String event = "{\"deviceId\":\"\",\"gatewayId\":\"g\",\"reason\":\"r\"}";
        byte[] eventLast = envelopeJson("DeviceLeft", event);
        byte[] eventFirst = ("{\"event\":" + event + ",\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID()
                + "\",\"time\":\"2026-11-27T10:15:30Z\",\"correlationId\":\"x\",\"type\":\"DeviceLeft\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> devices.decode(eventLast)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("deviceId");
        assertThatThrownBy(() -> devices.decode(eventFirst)).isInstanceOf(MalformedMessageException.class)
                .hasMessage(catchMessage(() -> devices.decode(eventLast)));
    }

    @Test
    void samplesCoverEveryEventTypeOfEveryFamily() {
        Set<String> sampled = ContractSamples.all().stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
        Set<String> declared = ContractSamples.FAMILIES.stream().flatMap(f -> EventCodec.of(f).typeNames().stream()).collect(Collectors.toSet());

        assertThat(sampled).isEqualTo(declared);
    }

    @Test
    void everyFamilyNamesItsOwnTopicAndEveryTopicButActivationsHasAFamily() throws Exception {
        Set<Topic> topics = new HashSet<>();
        for (Class<? extends Event> family : ContractSamples.FAMILIES) {
            topics.add((Topic) family.getField("TOPIC").get(null));
        }
        assertThat(topics).containsExactlyInAnyOrder(Topic.DEVICES, Topic.MODELS, Topic.APPS, Topic.PLANS,
                Topic.INFERENCE_REQUESTS, Topic.INFERENCE_RESULTS);
    }

    @Test
    void writesTheEnvelopeFieldsAndTheEventTypeByName() {
        Envelope<DeviceEvent> sent = new Envelope<>(UUID.fromString("3f1c2a60-0000-4000-8000-000000000001"),
                SchemaVersion.CURRENT, CLOCK.instant(), "glasses-1", new DeviceAnnounced(ContractSamples.GLASSES, 87.5));

        String json = new String(devices.encode(sent), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"schemaVersion\":1,\"eventId\":\"3f1c2a60-0000-4000-8000-000000000001\","
                + "\"time\":\"2026-11-27T10:15:30.123Z\",\"correlationId\":\"glasses-1\",\"type\":\"DeviceAnnounced\","
                + "\"event\":{");
    }

    @Test
    void rejectsANewerSchemaVersionNamingBothVersionsAndTheRemedy() {
        byte[] value = withSchemaVersion(SchemaVersion.CURRENT + 1);

        assertThatThrownBy(() -> devices.decode(value))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("DeviceEvent: schema version 2 is newer than this reader")
                .hasMessageContaining("reads versions 1 to 1")
                .hasMessageContaining("upgrade the consumer")
                .satisfies(e -> assertThat(((UnsupportedSchemaVersionException) e).version()).isEqualTo(2));
    }

    @Test
    void checksTheVersionBeforeTheTypeSoANewEventOfANewerWriterIsAVersionError() {
        byte[] value = ("{\"schemaVersion\":5,\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"2026-11-27T10:15:30Z\","
                + "\"correlationId\":\"x\",\"type\":\"DeviceTeleported\",\"event\":{}}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> devices.decode(value)).isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("schema version 5");
    }

    @Test
    void rejectsAVersionOlderThanTheOldestReadable() {
        assertThatThrownBy(() -> devices.decode(withSchemaVersion(0)))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("schema version 0 is older than this reader");
    }

    @Test
    void rejectsAMissingOrNonIntegerSchemaVersion() {
        String rest = "\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"2026-11-27T10:15:30Z\",\"correlationId\":\"x\","
                + "\"type\":\"DeviceLeft\",\"event\":{\"deviceId\":\"a\",\"gatewayId\":\"g\",\"reason\":\"r\"}}";

        assertThatThrownBy(() -> devices.decode(("{" + rest).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("schemaVersion must be an integer, got nothing");
        assertThatThrownBy(() -> devices.decode(("{\"schemaVersion\":\"1\"," + rest).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("schemaVersion must be an integer, got \"1\"");
    }

    @Test
    void rejectsAnUnknownTypeListingTheTypesOfTheTopic() {
        byte[] value = envelopeJson("DeviceTeleported", "{}");

        assertThatThrownBy(() -> devices.decode(value))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("type 'DeviceTeleported' is not an event of this topic")
                .hasMessageContaining("[DeviceAnnounced, DeviceHeartbeat, DeviceSegmentsLoaded, DeviceLeft]");
    }

    @Test
    void rejectsAnEventOfAnotherTopic() {
        byte[] value = envelopeJson("AppUndeployed", "{\"appId\":\"a\"}");

        assertThatThrownBy(() -> devices.decode(value)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("type 'AppUndeployed' is not an event of this topic");
    }

    @Test
    void namesTheFieldWhenAnEventBreaksItsRules() {
        byte[] missing = envelopeJson("DeviceLeft", "{\"deviceId\":\"ring-1\",\"reason\":\"gone\"}");
        byte[] illegal = envelopeJson("DeviceLeft", "{\"deviceId\":\"ring 1\",\"gatewayId\":\"g\",\"reason\":\"gone\"}");

        assertThatThrownBy(() -> devices.decode(missing)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("event (DeviceLeft): gatewayId: required, got null");
        assertThatThrownBy(() -> devices.decode(illegal)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("deviceId: 'ring 1' must start with a letter or digit");
    }

    @Test
    void namesTheFieldWhenAPrimitiveIsMissing() {
        String descriptor = "{\"deviceId\":\"glasses-1\",\"gatewayId\":\"gw-head\",\"accelerator\":\"MAX78000\","
                + "\"capabilities\":[],\"link\":{\"bandwidthBytesPerSecond\":1000,\"latencyMicros\":0}}";
        byte[] value = envelopeJson("DeviceAnnounced", "{\"device\":" + descriptor + "}");

        assertThatThrownBy(() -> devices.decode(value)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("event (DeviceAnnounced): batteryPercent: required, got null or nothing");
    }

    @Test
    void namesThePathToANestedFieldThatBreaksItsRules() {
        EventCodec<InferenceRequestEvent> requests = EventCodec.of(InferenceRequestEvent.class);
        String event = "{\"requestId\":\"r-1\",\"model\":\"mnist\",\"timeoutMillis\":0,\"input\":"
                + "{\"datatype\":\"%s\",\"shape\":[2],\"data\":%s}}";
        byte[] wrongCount = envelopeJson("InferenceRequested", String.format(event, "INT8", "[1,2,3]"));
        byte[] wrongType = envelopeJson("InferenceRequested", String.format(event, "FP32", "[1,2]"));

        assertThatThrownBy(() -> requests.decode(wrongCount)).isInstanceOf(MalformedMessageException.class)
                .hasMessage("InferenceRequestEvent: event (InferenceRequested): input: data: shape [2] needs 2 elements, got 3");
        assertThatThrownBy(() -> requests.decode(wrongType)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("input.datatype: ").hasMessageContaining("[INT8, INT32]");
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoAdditiveChangesKeepTheVersion() {
        byte[] value = envelopeJson("DeviceLeft", "{\"deviceId\":\"ring-1\",\"gatewayId\":\"gw-hand\",\"reason\":\"gone\","
                + "\"temperatureCelsius\":31}");

        assertThat(devices.decode(value).event()).isEqualTo(new DeviceLeft("ring-1", "gw-hand", "gone"));
    }

    @Test
    void rejectsValuesThatAreNotAJsonObjectOrAreTombstones() {
        assertThatThrownBy(() -> devices.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("value is not JSON");
        assertThatThrownBy(() -> devices.decode("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("value must be a JSON object");
        assertThatThrownBy(() -> devices.decode(null))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("tombstone");
    }

    @Test
    void rejectsABadEventIdOrTime() {
        String event = "{\"deviceId\":\"a\",\"gatewayId\":\"g\",\"reason\":\"r\"}";
        byte[] badId = ("{\"schemaVersion\":1,\"eventId\":\"42\",\"time\":\"2026-11-27T10:15:30Z\",\"correlationId\":\"x\","
                + "\"type\":\"DeviceLeft\",\"event\":" + event + "}").getBytes(StandardCharsets.UTF_8);
        byte[] badTime = ("{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"yesterday\","
                + "\"correlationId\":\"x\",\"type\":\"DeviceLeft\",\"event\":" + event + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> devices.decode(badId)).hasMessageContaining("eventId must be a UUID, got '42'");
        assertThatThrownBy(() -> devices.decode(badTime)).hasMessageContaining("time must be an ISO-8601 UTC instant");
    }

    @Test
    void refusesToBuildACodecForSomethingThatIsNotASealedFamily() {
        assertThatThrownBy(() -> EventCodec.of(Event.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a sealed interface");
    }

    private static String catchMessage(Runnable decoding) {
        try {
            decoding.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the decoding to fail");
    }


    private byte[] withSchemaVersion(int version) {
        String json = new String(devices.encode(Envelope.of(new DeviceAnnounced(ContractSamples.GLASSES, 50), CLOCK)),
                StandardCharsets.UTF_8);
        return json.replace("\"schemaVersion\":1", "\"schemaVersion\":" + version).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] envelopeJson(String type, String event) {
        return ("{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"time\":\"2026-11-27T10:15:30Z\","
                + "\"correlationId\":\"x\",\"type\":\"" + type + "\",\"event\":" + event + "}").getBytes(StandardCharsets.UTF_8);
    }
}

package io.synergy.contracts;

import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.measurement.MeasurementEvent;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.topic.Topic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/kafka-contract.md is what plain clients go by: its examples must decode and its tables must be complete. */
class KafkaContractDocTest {

    private static final List<EventCodec<? extends Event>> CODECS = List.of(EventCodec.of(DeviceEvent.class),
            EventCodec.of(ModelEvent.class), EventCodec.of(AppEvent.class), EventCodec.of(PlanEvent.class),
            EventCodec.of(InferenceRequestEvent.class), EventCodec.of(InferenceResultEvent.class),
            EventCodec.of(MeasurementEvent.class));
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("\"type\":\\s*\"(\\w+)\"");

    private final String doc = read(Path.of(System.getProperty("basedir", "."), "..", "docs", "kafka-contract.md"));

    @Test
    void everyJsonExampleDecodesWithTheContractsCodec() {
        List<Event> events = new ArrayList<>();
        for (String example : jsonExamples()) {
            events.add(codecFor(example).decode(example.getBytes(StandardCharsets.UTF_8)).event());
        }

        assertThat(events).hasSizeGreaterThanOrEqualTo(5);
        assertThat(events).hasAtLeastOneElementOfType(InferenceRequested.class)
                .hasAtLeastOneElementOfType(InferenceCompleted.class)
                .hasAtLeastOneElementOfType(PlanSetPublished.class);
    }

    @Test
    void namesEveryTopicAndEveryHeader() {
        for (Topic topic : Topic.values()) {
            String name = topic == Topic.ACTIVATIONS ? "synergy.activations.<gatewayId>" : topic.topicName();
            assertThat(doc).as(topic.name()).contains("`" + name + "`");
        }
        for (Header header : Header.values()) {
            assertThat(doc).as(header.name()).contains("`" + header.headerName() + "`");
        }
    }

    @Test
    void namesEveryEventType() {
        for (EventCodec<? extends Event> codec : CODECS) {
            for (String type : codec.typeNames()) {
                assertThat(doc).as(type).contains("`" + type + "(");
            }
        }
    }

    private List<String> jsonExamples() {
        List<String> examples = new ArrayList<>();
        Matcher matcher = JSON_BLOCK.matcher(doc);
        while (matcher.find()) {
            examples.add(matcher.group(1));
        }
        return examples;
    }

    @SuppressWarnings("unchecked")
    private static EventCodec<Event> codecFor(String example) {
        Matcher type = TYPE.matcher(example);
        assertThat(type.find()).as("example names its type: " + example).isTrue();
        for (EventCodec<? extends Event> codec : CODECS) {
            if (codec.typeNames().contains(type.group(1))) {
                return (EventCodec<Event>) codec;
            }
        }
        throw new AssertionError("no event type " + type.group(1) + " in the contract");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("the contract's documentation is missing: " + path.normalize(), e);
        }
    }
}

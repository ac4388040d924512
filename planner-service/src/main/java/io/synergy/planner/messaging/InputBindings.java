package io.synergy.planner.messaging;

import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.measurement.MeasurementEvent;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.topic.Topic;
import io.synergy.planner.application.InputCatchUp;
import io.synergy.planner.application.Replanning;
import io.synergy.planner.application.SpaceInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The three input bindings ({@code fleet-in-0}, {@code models-in-0}, {@code apps-in-0}): each record is
 * decoded with the contract's codec (a tombstone arrives as {@link KafkaNull}), folded into the
 * {@link SpaceInputs}, and a change that matters asks for a re-plan. Folding is cheap; planning
 * happens on the re-planner's thread.
 */
public final class InputBindings {

    private static final Logger LOG = LoggerFactory.getLogger(InputBindings.class);

    private final SpaceInputs inputs;
    private final Replanning replanning;
    private final InputCatchUp catchUp;
    private final EventCodec<DeviceEvent> devices = EventCodec.of(DeviceEvent.class);
    private final EventCodec<ModelEvent> models = EventCodec.of(ModelEvent.class);
    private final EventCodec<AppEvent> apps = EventCodec.of(AppEvent.class);
    private final EventCodec<MeasurementEvent> measurements = EventCodec.of(MeasurementEvent.class);

    public InputBindings(SpaceInputs inputs, Replanning replanning, InputCatchUp catchUp) {
        this.inputs = inputs;
        this.replanning = replanning;
        this.catchUp = catchUp;
    }

    public Consumer<Message<?>> fleet() {
        return message -> fold(Topic.DEVICES, message, value -> inputs.apply(devices.decode(value).event()),
                inputs::forgetDevice);
    }

    public Consumer<Message<?>> models() {
        return message -> fold(Topic.MODELS, message, value -> inputs.apply(models.decode(value).event()),
                inputs::forgetModel);
    }

    public Consumer<Message<?>> apps() {
        return message -> fold(Topic.APPS, message, value -> inputs.apply(apps.decode(value).event()),
                inputs::forgetApp);
    }

    /**
     * {@code measurements-in-0}: measured stage times, folded into the online estimate; a factor that
     * comes into force asks for a re-plan. Transient, so not part of the catch-up at start.
     */
    public Consumer<Message<?>> measurements() {
        return message -> {
            if (!(message.getPayload() instanceof byte[])) {
                return;
            }
            boolean changed = false;
            try {
                changed = inputs.apply(measurements.decode((byte[]) message.getPayload()).event());
            } catch (RuntimeException e) {
                LOG.warn("{}: record skipped: {}", Topic.MEASUREMENTS.topicName(), e.getMessage());
            }
            if (changed) {
                replanning.changed();
            }
        };
    }

    private void fold(Topic topic, Message<?> message, Predicate<byte[]> apply, Predicate<String> forget) {
        Object payload = message.getPayload();
        boolean changed = false;
        try {
            if (payload instanceof KafkaNull) {
                String key = keyOf(message);
                changed = key != null && forget.test(key);
            } else if (payload instanceof byte[]) {
                changed = apply.test((byte[]) payload);
            }
        } catch (RuntimeException e) {
            // a record the contract cannot read must not stop the fold of the ones after it
            LOG.warn("{}: record skipped: {}", topic.topicName(), e.getMessage());
        }
        if (changed) {
            replanning.changed();
        }
        Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
        if (offset instanceof Long) {
            catchUp.seen(topic.topicName(), (Long) offset);
        }
    }

    private static String keyOf(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[]) {
            return new String((byte[]) key, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }
}

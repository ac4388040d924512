package io.synergy.executor.messaging;

import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.Identifier;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.WireFormatException;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.core.network.pack.ModelPackage;
import io.synergy.executor.application.InferenceExecutor;
import io.synergy.executor.application.InferenceService;
import io.synergy.executor.application.ModelSignature;
import io.synergy.executor.application.ServingCatalog;
import io.synergy.executor.config.ExecutorProperties;
import io.synergy.executor.telemetry.HopTransferTimer;
import io.synergy.contracts.header.Header;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import io.synergy.contracts.topic.Topic;
import io.synergy.executor.application.AnsweredRequests;
import io.synergy.executor.application.FleetReadiness;
import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The executor's Kafka side. Functional consumers (bindings {@code <bean>-in-0}, destinations in
 * application.yml): the state topics rebuild the catalog from the earliest offset, results complete
 * requests, requests are admitted in the shared group {@code executor-service}.
 */
@Configuration(proxyBeanMethods = false)
public class ExecutorMessaging {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMessaging.class);
    /** The logging MDC key of the request a log line is about (logging.pattern.correlation prints it). */
    static final String REQUEST_ID_MDC = "requestId";
    private static final EventCodec<PlanEvent> PLANS = EventCodec.of(PlanEvent.class);
    private static final EventCodec<DeviceEvent> DEVICES = EventCodec.of(DeviceEvent.class);
    private static final EventCodec<AppEvent> APPS = EventCodec.of(AppEvent.class);
    private static final EventCodec<ModelEvent> MODELS = EventCodec.of(ModelEvent.class);
    private static final EventCodec<InferenceResultEvent> RESULTS = EventCodec.of(InferenceResultEvent.class);
    private static final EventCodec<InferenceRequestEvent> REQUESTS = EventCodec.of(InferenceRequestEvent.class);

    /** Plain Kafka clients connect as the binder does: its brokers and the security entries of its configuration. */
    @Bean
    KafkaConnection kafkaConnection(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                                    Environment environment) {
        return KafkaConnection.of(brokers, Binder.get(environment).bind(KafkaConnection.BINDER_CONFIGURATION,
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    /** Created before any binding starts, as consumers depend on it through the executor. */
    @Bean
    ContractTopicsCreated contractTopics(KafkaConnection connection) {
        ContractTopics.ensure(connection, Duration.ofSeconds(30));
        return new ContractTopicsCreated();
    }

    /** Marks that the contract's topics exist. */
    public record ContractTopicsCreated() {
    }

    /**
     * The dispatch hot path's own producer, not the binder's (every dispatch passes here; see
     * {@link KafkaConnection#hotPathProducerConfig}); closed with the context.
     */
    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> activationProducer(KafkaConnection connection) {
        return new KafkaProducer<>(connection.hotPathProducerConfig("executor-activations", Topic.MODEL_MAX_MESSAGE_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaActivationSender activationSender(Producer<byte[], byte[]> activationProducer, Clock clock,
                                           ContractTopicsCreated topics) {
        return new KafkaActivationSender(activationProducer, clock);
    }

    /** Idempotent and acks=all, so a retried send never writes an outcome twice. */
    @Bean(destroyMethod = "close")
    ResultPublisher resultPublisher(KafkaConnection connection, Clock clock, ContractTopicsCreated topics) {
        Map<String, Object> config = connection.hotPathProducerConfig("executor-results", Topic.MODEL_MAX_MESSAGE_BYTES);
        return new ResultPublisher(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                clock, Duration.ofSeconds(30));
    }

    /**
     * The requests already answered on the results topic, read before any binding starts (the requests
     * binding depends on it through the inference service).
     */
    @Bean
    AnsweredRequests answeredRequests(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                                      ExecutorProperties properties, ContractTopicsCreated topics) {
        AnsweredRequests answered = new AnsweredRequests(properties.answeredCapacity());
        int read = AnsweredLog.load(brokers, answered, Duration.ofSeconds(60));
        LOG.info("{}: {} outcomes already written", Topic.INFERENCE_RESULTS.topicName(), read);
        return answered;
    }

    /**
     * Lets the requests binding acknowledge records in any order (a request's offset is committed once
     * its outcome is written, and requests finish out of order); the container commits up to the first
     * gap and pauses fetching until a poll's records are all acknowledged. The stage outcomes binding
     * (an anonymous group, read from the latest offset) commits without waiting for the broker, so the
     * consumer thread polls again at once instead of after a round trip that later outcomes would wait
     * out as part of their hop.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> outOfOrderRequestAcks() {
        return (container, destination, group) -> {
            if (Topic.INFERENCE_REQUESTS.topicName().equals(destination)) {
                container.getContainerProperties().setAsyncAcks(true);
            } else if (Topic.STAGE_OUTCOMES.topicName().equals(destination)) {
                container.getContainerProperties().setSyncCommits(false);
            }
        };
    }

    @Bean
    Consumer<Message<?>> plans(InferenceExecutor executor) {
        return message -> KafkaRecords.value(message).ifPresent(value -> guarded("plans", () -> {
            PlanEvent event = PLANS.decode(value).event();
            if (event instanceof PlanSetPublished) {
                executor.planSetArrived((PlanSetPublished) event);
            }
        }));
    }

    /** Binding {@code devices-in-0}: the epoch each device has loaded, from the earliest offset. */
    @Bean
    Consumer<Message<?>> devices(FleetReadiness readiness, InferenceExecutor executor) {
        return message -> guarded("devices", () -> {
            if (KafkaRecords.value(message).isEmpty()) {
                KafkaRecords.key(message).ifPresent(readiness::gone);
                return;
            }
            DeviceEvent event = DEVICES.decode(KafkaRecords.value(message).get()).event();
            boolean changed = false;
            if (event instanceof DeviceSegmentsLoaded) {
                changed = readiness.reported(event.deviceId(), ((DeviceSegmentsLoaded) event).epoch());
            } else if (event instanceof DeviceHeartbeat) {
                changed = readiness.reported(event.deviceId(), ((DeviceHeartbeat) event).loadedEpoch());
            } else if (event instanceof DeviceAnnounced) {
                changed = readiness.reported(event.deviceId(), 0);
            } else if (event instanceof DeviceLeft) {
                readiness.gone(event.deviceId());
            }
            if (changed) {
                executor.devicesChanged();
            }
        });
    }

    @Bean
    Consumer<Message<?>> apps(ServingCatalog catalog) {
        return message -> guarded("apps", () -> {
            if (KafkaRecords.value(message).isEmpty()) {
                KafkaRecords.key(message).ifPresent(catalog::appUndeployed);
                return;
            }
            AppEvent event = APPS.decode(KafkaRecords.value(message).get()).event();
            if (event instanceof AppDeployed) {
                catalog.appDeployed((AppDeployed) event);
            } else {
                catalog.appUndeployed(event.appId());
            }
        });
    }

    @Bean
    Consumer<Message<?>> models(ServingCatalog catalog) {
        return message -> guarded("models", () -> {
            if (KafkaRecords.value(message).isEmpty()) {
                KafkaRecords.key(message).ifPresent(catalog::modelRemoved);
                return;
            }
            ModelEvent event = MODELS.decode(KafkaRecords.value(message).get()).event();
            if (event instanceof ModelRegistered) {
                ModelRegistered registered = (ModelRegistered) event;
                catalog.modelRegistered(registered.modelName(),
                        ModelSignature.of(ModelPackage.read(registered.modelPackage().content())));
            } else {
                catalog.modelRemoved(event.key());
            }
        });
    }

    /**
     * Binding {@code results-in-0} ({@code synergy.stage.outcomes}): each outcome's hop is timed once it
     * is decoded ({@link HopTransferTimer}), then it goes to the executor.
     */
    @Bean
    Consumer<Message<?>> results(InferenceExecutor executor, ObjectProvider<MeterRegistry> meters, Clock clock) {
        // without a registry (no actuator) the hops are timed into one nobody reads
        return outcomes(executor::resultArrived, new HopTransferTimer(meters.getIfAvailable(SimpleMeterRegistry::new), clock));
    }

    /** What {@link #results} does with each record, apart from Spring. */
    static Consumer<Message<?>> outcomes(Consumer<InferenceResultEvent> executor, HopTransferTimer hops) {
        return message -> KafkaRecords.value(message).ifPresent(value -> guarded("results", message, () -> {
            InferenceResultEvent event = RESULTS.decode(value).event();
            hops.outcomeArrived(KafkaRecords.header(message, Header.SENT_AT_MICROS.headerName()));
            executor.accept(event);
        }));
    }

    /**
     * Binding {@code requests-in-0}, group {@code executor-service}, manual acknowledgement: a request's
     * offset is acknowledged only once it needs nothing more (its outcome is on the results topic), so
     * the requests of an executor that dies are delivered again to the next one.
     */
    @Bean
    Consumer<Message<?>> requests(InferenceService service, ResultPublisher publisher, ExecutorProperties properties) {
        return message -> {
            Optional<String> key = KafkaRecords.key(message);
            key.ifPresent(id -> MDC.put(REQUEST_ID_MDC, id));
            try {
                takeRequest(message, service, publisher, properties);
            } finally {
                MDC.remove(REQUEST_ID_MDC);
            }
        };
    }

    private static void takeRequest(Message<?> message, InferenceService service, ResultPublisher publisher,
                                    ExecutorProperties properties) {
        Acknowledgment ack = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
        Runnable acknowledge = () -> {
            if (ack != null) {
                ack.acknowledge();
            }
        };
        Optional<byte[]> value = KafkaRecords.value(message);
        if (value.isEmpty()) {
            acknowledge.run();
            return;
        }
        try {
            InferenceRequestEvent event;
            try {
                event = REQUESTS.decode(value.get()).event();
            } catch (WireFormatException e) {
                answerUnreadable(KafkaRecords.key(message), e, publisher);
                acknowledge.run();
                return;
            }
            String requestId = event.requestId();
            service.inferFromKafka((InferenceRequested) event, properties.kafkaAdmissionPatience(), publisher::publish)
                    .whenComplete((done, failure) -> {
                        if (failure == null) {
                            acknowledge.run();
                        } else {
                            // left unacknowledged: the request is delivered again after a restart
                            LOG.error("requests: the outcome of {} was not written: {}", requestId, failure.toString());
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a record that breaks the contract: retrying cannot help, and it must not stop the ones behind it
            LOG.warn("requests: skipped a record: {}", e.getMessage());
            acknowledge.run();
        }
    }

    /**
     * A request that does not read is answered INVALID_INPUT under its key, when the key is a legal
     * request id; without one there is nobody to answer, and it is only logged.
     */
    private static void answerUnreadable(Optional<String> key, WireFormatException e, ResultPublisher publisher) {
        if (key.isEmpty() || !legalId(key.get())) {
            LOG.warn("requests: skipped a record without a usable request id as key: {}", e.getMessage());
            return;
        }
        publisher.publish(new InferenceFailed(key.get(), "unknown", FailureCode.INVALID_INPUT, e.getMessage()));
    }

    private static boolean legalId(String id) {
        try {
            Identifier.require("requestId", id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A record that breaks the contract is logged and skipped: retrying it cannot help, and it must
     * not stop the records behind it.
     */
    private static void guarded(String topic, Runnable handling) {
        try {
            handling.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: skipped a record: {}", topic, e.getMessage());
        }
    }

    /** As {@link #guarded(String, Runnable)}, with the record's key as {@code requestId} in the logging MDC. */
    private static void guarded(String topic, Message<?> message, Runnable handling) {
        Optional<String> requestId = KafkaRecords.key(message);
        requestId.ifPresent(id -> MDC.put(REQUEST_ID_MDC, id));
        try {
            guarded(topic, handling);
        } finally {
            MDC.remove(REQUEST_ID_MDC);
        }
    }
}

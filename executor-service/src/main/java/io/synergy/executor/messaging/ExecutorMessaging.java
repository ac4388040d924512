package io.synergy.executor.messaging;

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
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.time.Duration;
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
    private static final EventCodec<PlanEvent> PLANS = EventCodec.of(PlanEvent.class);
    private static final EventCodec<AppEvent> APPS = EventCodec.of(AppEvent.class);
    private static final EventCodec<ModelEvent> MODELS = EventCodec.of(ModelEvent.class);
    private static final EventCodec<InferenceResultEvent> RESULTS = EventCodec.of(InferenceResultEvent.class);
    private static final EventCodec<InferenceRequestEvent> REQUESTS = EventCodec.of(InferenceRequestEvent.class);

    /** Created before any binding starts, as consumers depend on it through the executor. */
    @Bean
    ContractTopicsCreated contractTopics(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers) {
        ContractTopics.ensure(brokers, Duration.ofSeconds(30));
        return new ContractTopicsCreated();
    }

    /** Marks that the contract's topics exist. */
    public record ContractTopicsCreated() {
    }

    /** The dispatch hot path's own producer (see {@link HotPathProducer}); closed with the context. */
    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> activationProducer(
            @Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers) {
        return HotPathProducer.create(brokers, "executor-activations");
    }

    @Bean
    KafkaActivationSender activationSender(Producer<byte[], byte[]> activationProducer, ContractTopicsCreated topics) {
        return new KafkaActivationSender(activationProducer);
    }

    @Bean
    ResultPublisher resultPublisher(StreamBridge bridge, Clock clock) {
        return new ResultPublisher(bridge, clock);
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

    @Bean
    Consumer<Message<?>> results(InferenceExecutor executor) {
        return message -> KafkaRecords.value(message).ifPresent(value -> guarded("results",
                () -> executor.resultArrived(RESULTS.decode(value).event())));
    }

    @Bean
    Consumer<Message<?>> requests(InferenceService service, ResultPublisher publisher, ExecutorProperties properties) {
        return message -> KafkaRecords.value(message).ifPresent(value -> guarded("requests", () -> {
            InferenceRequestEvent event;
            try {
                event = REQUESTS.decode(value).event();
            } catch (WireFormatException e) {
                answerUnreadable(KafkaRecords.key(message), e, publisher);
                return;
            }
            try {
                service.inferFromKafka((InferenceRequested) event, properties.kafkaAdmissionPatience(), publisher::publish);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
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
}

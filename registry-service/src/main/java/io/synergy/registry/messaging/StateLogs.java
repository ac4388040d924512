package io.synergy.registry.messaging;

import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.topic.Topic;
import io.synergy.registry.application.AppCatalog;
import io.synergy.registry.application.ModelCatalog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The registry's state topics {@code synergy.models} and {@code synergy.apps}. At start it creates or
 * checks them (and {@code synergy.devices}, which {@link DeviceBinding} folds), reads each from its
 * first offset, and returns only when the state that was on them is rebuilt (or fails the start after
 * the timeout); HTTP serves after that.
 */
public final class StateLogs implements SmartLifecycle {

    /** Settings of the logs. */
    public record Settings(KafkaClients clients, Duration writeTimeout, Duration startTimeout, short replicationFactor) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(StateLogs.class);

    private final Settings settings;
    private final Producer<String, byte[]> producer;
    private final EventLog<ModelEvent> models;
    private final EventLog<AppEvent> apps;
    private volatile boolean running;

    public StateLogs(Settings settings, ModelCatalog modelCatalog, AppCatalog appCatalog, Clock clock) {
        this.settings = settings;
        this.producer = new KafkaProducer<>(settings.clients().producer());
        this.models = new EventLog<>(Topic.MODELS, ModelEvent.class, modelCatalog, producer, settings.clients(),
                settings.writeTimeout(), clock);
        this.apps = new EventLog<>(Topic.APPS, AppEvent.class, appCatalog, producer, settings.clients(),
                settings.writeTimeout(), clock);
    }

    public EventLog<ModelEvent> models() {
        return models;
    }

    public EventLog<AppEvent> apps() {
        return apps;
    }

    /** Whether every topic's state as of the start is rebuilt. */
    public boolean caughtUp() {
        return running && logs().stream().allMatch(log -> log.follower().caughtUp());
    }

    private List<EventLog<?>> logs() {
        return List.of(models, apps);
    }

    @Override
    public void start() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        running = true;
        LOG.info("registry state rebuilt from {} and {}", Topic.MODELS.topicName(), Topic.APPS.topicName());
    }

    private void rebuild() {
        StateTopics.ensure(settings.clients().admin(), List.of(Topic.MODELS, Topic.APPS, Topic.DEVICES),
                settings.replicationFactor(), settings.startTimeout());
        logs().forEach(EventLog::start);
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        try {
            for (EventLog<?> log : logs()) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!log.follower().awaitCaughtUp(left)) {
                    throw new IllegalStateException("topic " + log.follower().topicName() + ": state not rebuilt within "
                            + settings.startTimeout() + " (synergy.registry.start-timeout)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the registry's state", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (EventLog<?> log : logs()) {
            try {
                log.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts serving (its phase is Integer.MAX_VALUE - 1024), after it stops. */
    @Override
    public int getPhase() {
        return 0;
    }
}

package io.synergy.executor.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.synergy.executor.application.ActivationSender;
import io.synergy.executor.application.InFlightTracker;
import io.synergy.executor.application.InferenceExecutor;
import io.synergy.executor.application.InferenceService;
import io.synergy.executor.application.ServingCatalog;
import io.synergy.executor.application.ServingStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wires the plain application classes; Kafka and HTTP live in messaging/ and web/. */
@Configuration(proxyBeanMethods = false)
public class ExecutorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServingCatalog servingCatalog() {
        return new ServingCatalog();
    }

    @Bean
    InFlightTracker inFlightTracker(ExecutorProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
        InFlightTracker tracker = new InFlightTracker(properties.trackingPolicy(), clock);
        meters.ifAvailable(registry -> {
            Gauge.builder("synergy.executor.in.flight", tracker, InFlightTracker::inFlight)
                    .description("inference requests in flight").register(registry);
            FunctionCounter.builder("synergy.executor.results.dropped", tracker, InFlightTracker::droppedResults)
                    .description("results for requests already answered (or unknown here), dropped").register(registry);
        });
        return tracker;
    }

    @Bean
    InferenceExecutor inferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender,
                                        ObjectProvider<MeterRegistry> meters) {
        InferenceExecutor executor = new InferenceExecutor(catalog, tracker, sender);
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("synergy.executor.dispatches", executor, InferenceExecutor::dispatches)
                    .description("first dispatches of admitted requests").register(registry);
            FunctionCounter.builder("synergy.executor.redispatches", executor, InferenceExecutor::redispatches)
                    .description("dispatches again after a timeout, a failure event or a stranding epoch").register(registry);
            FunctionCounter.builder("synergy.executor.deadlines.exceeded", executor, InferenceExecutor::deadlinesExceeded)
                    .description("requests that ran out of attempts or time").register(registry);
        });
        return executor;
    }

    @Bean
    ServingStats servingStats(ExecutorProperties properties, Clock clock) {
        return new ServingStats(clock, properties.statsWindow(), properties.statsMaxSamples());
    }

    @Bean
    InferenceService inferenceService(ServingCatalog catalog, InFlightTracker tracker, InferenceExecutor executor,
                                      ServingStats stats) {
        return new InferenceService(catalog, tracker, executor, stats);
    }

    /** Checks deadlines every sweep interval on one daemon thread; stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deadlineSweeper(InferenceExecutor executor, ExecutorProperties properties) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "executor-deadline-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                executor.sweep();
            } catch (RuntimeException e) {
                LOG.warn("deadline sweep failed; next one in {} ms: {}", periodMillis, e.toString());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return sweeper;
    }
}

package io.synergy.executor.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.synergy.executor.application.ActivationSender;
import io.synergy.executor.application.AnsweredRequests;
import io.synergy.executor.application.FleetReadiness;
import io.synergy.executor.application.InFlightTracker;
import io.synergy.executor.application.InferenceExecutor;
import io.synergy.executor.application.InferenceService;
import io.synergy.executor.application.RequestTelemetry;
import io.synergy.executor.telemetry.TracingRequestTelemetry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
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
            FunctionCounter.builder("synergy.executor.requests.repeated", tracker, InFlightTracker::repeats)
                    .description("requests whose id was seen again and shared the first outcome").register(registry);
            Gauge.builder("synergy.executor.idempotency.remembered", tracker, InFlightTracker::rememberedResults)
                    .description("completed results remembered to answer repeated request ids").register(registry);
        });
        return tracker;
    }

    /** Traces and times each request; without a tracer (tracing off) only the latency timer is kept. */
    @Bean
    RequestTelemetry requestTelemetry(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                      ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return RequestTelemetry.NONE;
        }
        return new TracingRequestTelemetry(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP), registry);
    }

    @Bean
    FleetReadiness fleetReadiness() {
        return new FleetReadiness();
    }

    @Bean
    InferenceExecutor inferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender,
                                        FleetReadiness readiness, RequestTelemetry telemetry,
                                        ObjectProvider<MeterRegistry> meters) {
        InferenceExecutor executor = new InferenceExecutor(catalog, tracker, sender, readiness, telemetry);
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
                                      AnsweredRequests answered, ServingStats stats,
                                      ObjectProvider<MeterRegistry> meters) {
        InferenceService service = new InferenceService(catalog, tracker, executor, answered, stats);
        meters.ifAvailable(registry -> FunctionCounter.builder("synergy.executor.kafka.admission.waits", service,
                        InferenceService::kafkaAdmissionWaits)
                .description("times a Kafka request found its app full and the requests consumer kept waiting")
                .register(registry));
        return service;
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

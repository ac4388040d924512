package io.synergy.executor.config;

import io.synergy.executor.application.TrackingPolicy;
import io.synergy.executor.web.OipLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The executor's settings ({@code synergy.executor.*}).
 *
 * @param maxInFlightPerApp      requests of one app in flight at once; HTTP beyond it gets 429, Kafka waits
 * @param dispatchTimeout        how long one dispatch may take before the request is sent again
 * @param maxRejections          failures answered by gateways (rejected stages, failed inferences) after which a
 *                               request ends; unanswered dispatches are bounded by the request's timeout only
 * @param defaultTimeout         how long a request may take in all when the client does not say
 * @param retryAfter             the Retry-After of a 429
 * @param sweepInterval          how often deadlines are checked
 * @param kafkaAdmissionPatience while a Kafka request's app is full the consumer waits (it never refuses
 *                               for load); each patience spent waiting is logged and counted
 * @param maxRequestBytes        largest HTTP inference body
 * @param maxTensorElements      most elements of one input tensor
 * @param answeredCapacity       ids of answered Kafka requests remembered, to skip one delivered again after a crash
 * @param idempotencyWindow      how long after completion a repeated request id gets the first result
 * @param idempotencyMaxResults  most completed results remembered for repeats (the oldest leaves first)
 * @param statsWindow            how far back {@code GET /api/executor/stats} looks for throughput and latency
 * @param statsMaxSamples        per app, the most recent outcomes kept for that window
 */
@Validated
@ConfigurationProperties("synergy.executor")
public record ExecutorProperties(
        @DefaultValue("64") @Min(1) int maxInFlightPerApp,
        @DefaultValue("5s") @NotNull Duration dispatchTimeout,
        @DefaultValue("6") @Min(1) int maxRejections,
        @DefaultValue("30s") @NotNull Duration defaultTimeout,
        @DefaultValue("1s") @NotNull Duration retryAfter,
        @DefaultValue("100ms") @NotNull Duration sweepInterval,
        @DefaultValue("30s") @NotNull Duration kafkaAdmissionPatience,
        @DefaultValue("8388608") @Min(1024) int maxRequestBytes,
        @DefaultValue("4194304") @Min(1) int maxTensorElements,
        @DefaultValue("1000000") @Min(1) int answeredCapacity,
        @DefaultValue("10m") @NotNull Duration idempotencyWindow,
        @DefaultValue("10000") @Min(1) int idempotencyMaxResults,
        @DefaultValue("10s") @NotNull Duration statsWindow,
        @DefaultValue("4096") @Min(1) int statsMaxSamples) {

    public TrackingPolicy trackingPolicy() {
        return new TrackingPolicy(maxInFlightPerApp, dispatchTimeout, maxRejections, defaultTimeout, retryAfter,
                new TrackingPolicy.Idempotency(idempotencyWindow, idempotencyMaxResults));
    }

    public OipLimits oipLimits() {
        return new OipLimits(maxRequestBytes, maxTensorElements);
    }
}

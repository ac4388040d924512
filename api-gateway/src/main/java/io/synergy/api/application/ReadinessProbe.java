package io.synergy.api.application;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Asks every service for its actuator health ({@code GET /actuator/health}: 200 when UP, 503 when
 * not) in parallel, each within a timeout.
 */
public final class ReadinessProbe {

    private final WebClient client;
    private final Map<String, URI> services;
    private final Duration timeout;

    public ReadinessProbe(WebClient client, Map<String, URI> services, Duration timeout) {
        this.client = client;
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        this.timeout = timeout;
        if (services.isEmpty()) {
            throw new IllegalArgumentException("services: readiness needs at least one service to ask");
        }
    }

    /** Every service's health, ordered as the services were given. */
    public Mono<ServiceReadiness> check() {
        return check(services);
    }

    private Mono<ServiceReadiness> check(Map<String, URI> order) {
        return Flux.fromIterable(order.entrySet())
                .flatMap(service -> health(service.getValue()).map(status -> Map.entry(service.getKey(), status)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(statuses -> {
                    Map<String, String> ordered = new LinkedHashMap<>();
                    order.keySet().forEach(name -> ordered.put(name, statuses.get(name)));
                    return new ServiceReadiness(ordered);
                });
    }

    private Mono<String> health(URI service) {
        return client.get().uri(service.resolve("/actuator/health")).retrieve().toBodilessEntity()
                .map(response -> ServiceReadiness.UP)
                .timeout(timeout)
                .onErrorResume(WebClientResponseException.class,
                        e -> Mono.just("DOWN: " + service + " answered HTTP " + e.getStatusCode().value()))
                .onErrorResume(TimeoutException.class,
                        e -> Mono.just("DOWN: " + service + " did not answer within " + timeout.toMillis() + " ms"))
                .onErrorResume(e -> Mono.just("DOWN: " + service + " unreachable (" + rootMessage(e) + ")"));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}

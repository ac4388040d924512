package io.synergy.api.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The api-gateway's settings ({@code synergy.api.*}). The routes in application.yml use the same
 * URIs, so one property moves a service.
 *
 * @param registryUri   registry-service (models, apps, devices)
 * @param plannerUri    planner-service (plans, space)
 * @param executorUri   executor-service (inference, OIP model endpoints)
 * @param healthTimeout how long {@code /v2/health/ready} waits for each service's health
 */
@Validated
@ConfigurationProperties("synergy.api")
public record ApiGatewayProperties(
        @DefaultValue("http://127.0.0.1:8081") @NotNull URI registryUri,
        @DefaultValue("http://127.0.0.1:8082") @NotNull URI plannerUri,
        @DefaultValue("http://127.0.0.1:8083") @NotNull URI executorUri,
        @DefaultValue("2s") @NotNull Duration healthTimeout) {

    /** The services readiness depends on, by name, in a stable order. */
    public Map<String, URI> services() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("registry", registryUri);
        services.put("planner", plannerUri);
        services.put("executor", executorUri);
        return services;
    }
}

package io.synergy.api.web;

import io.synergy.api.application.ReadinessProbe;
import io.synergy.api.application.ServiceReadiness;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OIP health endpoints, answered by the gateway itself: live while the gateway runs; ready
 * (200, else 503) when registry, planner and executor all report UP on their actuator health.
 */
@RestController
public class HealthController {

    private final ReadinessProbe probe;

    public HealthController(ReadinessProbe probe) {
        this.probe = probe;
    }

    @GetMapping(value = "/v2/health/live", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> live() {
        return Map.of("live", true);
    }

    @GetMapping(value = "/v2/health/ready", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> ready() {
        return probe.check().map(readiness -> ResponseEntity
                .status(readiness.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body(readiness)));
    }

    private static Map<String, Object> body(ServiceReadiness readiness) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", readiness.ready());
        body.put("services", readiness.services());
        return body;
    }
}

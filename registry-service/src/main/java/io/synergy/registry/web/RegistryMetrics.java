package io.synergy.registry.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters of what clients asked the registry: accepted writes by kind, refused requests by code. */
@Component
public class RegistryMetrics {

    private final MeterRegistry meters;

    public RegistryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code synergy.registry.writes{kind=model|app, operation=register|remove}} */
    public void written(String kind, String operation) {
        Counter.builder("synergy.registry.writes").description("accepted writes to the registry's state topics")
                .tag("kind", kind).tag("operation", operation).register(meters).increment();
    }

    /** {@code synergy.registry.rejections{code=...}} */
    public void rejected(String code) {
        Counter.builder("synergy.registry.rejections").description("requests refused with a problem detail")
                .tag("code", code).register(meters).increment();
    }
}

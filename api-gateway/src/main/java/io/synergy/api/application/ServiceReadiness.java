package io.synergy.api.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of each service behind the gateway: {@code UP}, or why not. The system is ready when
 * every one is up.
 *
 * @param services service name to "UP" or the reason it is not
 */
public record ServiceReadiness(Map<String, String> services) {

    public static final String UP = "UP";

    public ServiceReadiness {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    public boolean ready() {
        return !services.isEmpty() && services.values().stream().allMatch(UP::equals);
    }
}

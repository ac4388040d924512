package io.synergy.cli.bench;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which device the soak takes out next and how: the devices the current plan uses take turns (in
 * id order, after the one taken last), and the kind alternates between an orderly leave and a silent
 * failure. A device already out is never picked; with none left, nothing is.
 */
public final class ChurnPlan {

    /** How a device is taken out: {@code leave} (says goodbye) or {@code fail} (goes silent). */
    public enum Kind {
        LEAVE("leave"), FAIL("fail");

        private final String transition;

        Kind(String transition) {
            this.transition = transition;
        }

        /** The device-gateway's fault transition (contracts.md #1). */
        public String transition() {
            return transition;
        }
    }

    public record Injection(String deviceId, Kind kind) {
    }

    private String last;
    private Kind nextKind = Kind.LEAVE;

    /**
     * The next injection among the plan's devices, leaving out those already out; empty when none
     * is left.
     */
    public Optional<Injection> next(Collection<String> planDevices, Collection<String> out) {
        TreeSet<String> candidates = new TreeSet<>(planDevices);
        candidates.removeAll(out);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String device = last == null ? candidates.first() : candidates.higher(last);
        if (device == null) {
            device = candidates.first();
        }
        Injection injection = new Injection(device, nextKind);
        last = device;
        nextKind = nextKind == Kind.LEAVE ? Kind.FAIL : Kind.LEAVE;
        return Optional.of(injection);
    }

    /** Device id -> the apps whose plan puts a segment (any replica) on it, from the current plan set. */
    public static Map<String, Set<String>> appsByDevice(JsonNode plans) {
        Map<String, Set<String>> byDevice = new TreeMap<>();
        if (plans == null) {
            return byDevice;
        }
        for (JsonNode plan : plans.path("plans")) {
            String app = plan.path("appId").asString();
            for (JsonNode segment : plan.path("segments")) {
                JsonNode replicas = segment.has("replicas") ? segment.path("replicas") : segment.path("devices");
                for (JsonNode replica : replicas) {
                    byDevice.computeIfAbsent(replica.path("deviceId").asString(), k -> new TreeSet<>()).add(app);
                }
            }
        }
        return byDevice;
    }
}

package io.synergy.cli.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Per-device utilisation, estimated by sampling each device's {@code busy} flag from its gateway's
 * device view: the fraction of samples in which it was running a stage. With samples every few
 * hundred milliseconds over tens of seconds, the estimate is good to a few percent.
 */
public final class DeviceSampler {

    private final StackClient client;
    private final List<String> gatewayUrls;
    private final Map<String, long[]> busyAndTotal = new LinkedHashMap<>();
    private final Map<String, JsonNode> latest = new LinkedHashMap<>();

    public DeviceSampler(StackClient client, List<String> gatewayUrls) {
        this.client = client;
        this.gatewayUrls = List.copyOf(gatewayUrls);
    }

    public synchronized void sample() {
        for (String url : gatewayUrls) {
            for (JsonNode device : client.devices(url)) {
                String id = device.path("deviceId").asString();
                long[] counts = busyAndTotal.computeIfAbsent(id, k -> new long[2]);
                counts[0] += device.path("busy").asBoolean() ? 1 : 0;
                counts[1]++;
                latest.put(id, device);
            }
        }
    }

    /** Device id -> utilisation in [0, 1]. */
    public synchronized Map<String, Double> utilisation() {
        Map<String, Double> result = new LinkedHashMap<>();
        busyAndTotal.forEach((id, counts) -> result.put(id, counts[1] == 0 ? 0.0 : (double) counts[0] / counts[1]));
        return result;
    }

    /** The last device view seen per device id. */
    public synchronized Map<String, JsonNode> latest() {
        return new LinkedHashMap<>(latest);
    }
}

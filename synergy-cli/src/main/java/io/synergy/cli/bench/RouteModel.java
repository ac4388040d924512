package io.synergy.cli.bench;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Network;
import io.synergy.core.zoo.Zoo;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Times a published plan's route with the core's cost model, the way the device-gateway does
 * (docs/device-gateway.md, "Running a stage"): per segment, {@code roundMicros()} on the accelerator
 * of its first replica, and between stages the sender's link, bytes / bandwidth + latency. Weight
 * reloads are left out: they happen only on a device whose segments do not fit together.
 */
public final class RouteModel {

    private final SegmentCostModel costs = new SegmentCostModel();
    private final Map<String, DeviceFacts> devices;

    /** A device as the registry announces it: accelerator name and link figures. */
    public record DeviceFacts(String accelerator, long bandwidthBytesPerSecond, long latencyMicros) {

        /** Fleet microseconds for one message of {@code bytes} over this device's link. */
        public double transferMicros(long bytes) {
            return bytes * 1_000_000.0 / bandwidthBytesPerSecond + latencyMicros;
        }
    }

    public RouteModel(Map<String, DeviceFacts> devices) {
        this.devices = Map.copyOf(devices);
    }

    /** The route of one plan of {@code GET /api/plans} (its modelName must be a zoo model). */
    public RouteTiming timing(JsonNode plan) {
        Network network = Zoo.network(plan.path("modelName").asString());
        JsonNode segments = plan.path("segments");
        double micros = 0;
        for (int i = 0; i < segments.size(); i++) {
            JsonNode segment = segments.get(i);
            // the contract names a segment's devices "replicas" (SegmentPlacement)
            JsonNode replicas = segment.has("replicas") ? segment.path("replicas") : segment.path("devices");
            String deviceId = replicas.path(0).path("deviceId").asString();
            DeviceFacts device = devices.get(deviceId);
            if (device == null) {
                throw new IllegalStateException("device " + deviceId + " of app " + plan.path("appId").asString()
                        + " is not in the registry's device list");
            }
            SegmentProfile profile = costs.profile(network, segment.path("fromLayer").asInt(),
                    segment.path("toLayer").asInt(), AcceleratorSpec.byName(device.accelerator()));
            micros += profile.roundMicros();
            if (i < segments.size() - 1) {
                micros += device.transferMicros(profile.outputBytes());
            }
        }
        return new RouteTiming(segments.size(), micros);
    }
}

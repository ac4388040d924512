package io.synergy.gateway.config;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.LinkModel;
import io.synergy.gateway.application.LinkPreset;
import io.synergy.gateway.application.TimeScale;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's configuration, under {@code synergy.gateway} (see application.yaml for the layout
 * of a larger fleet).
 *
 * @param gatewayId          this gateway's id; its stages arrive on {@code synergy.activations.<gatewayId>}
 * @param timeScale          host time per unit of modelled device time: 1.0 = the silicon's speed, 10 = ten times slower
 * @param timingOnly         skip the arithmetic and send zero tensors of the right shapes (large fleets)
 * @param heartbeatInterval  how often each device says it is still there
 * @param queueCapacity      stages waiting per device before consumption pauses
 * @param maxAdmissionWait   how long consumption stays paused on a full device queue before the stage
 *                           is given back (StageRejected QUEUE_FULL); below Kafka's max.poll.interval.ms
 * @param modelCacheEntries  decoded models kept in memory (packages are kept as bytes regardless)
 * @param computeThreads     threads that run the arithmetic and the modelled completions
 * @param devices            the emulated devices this gateway owns
 * @param measurementInterval how often each device's measured stage service times go to the planner
 *                           ({@code synergy.measurements}, online estimation)
 */
@ConfigurationProperties("synergy.gateway")
@Validated
public record GatewayProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String gatewayId,
        @DefaultValue("1.0") @Positive double timeScale,
        @DefaultValue("false") boolean timingOnly,
        @DefaultValue("5s") @NotNull Duration heartbeatInterval,
        @DefaultValue("64") @Min(1) @Max(100_000) int queueCapacity,
        @DefaultValue("60s") @NotNull Duration maxAdmissionWait,
        @DefaultValue("8") @Min(1) int modelCacheEntries,
        @DefaultValue("2") @Min(1) @Max(64) int computeThreads,
        @NotEmpty @Valid List<Device> devices,
        @DefaultValue("5s") @NotNull Duration measurementInterval) {

    /**
     * One emulated device. Give either {@code link} (a preset: ble-1m, ble-2m, uart-921k, spi-10m,
     * wifi) or both {@code bandwidthBytesPerSecond} and {@code latencyMicros}.
     *
     * @param type max78000 or max78002
     */
    public record Device(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
            @DefaultValue("max78000") @NotBlank String type,
            @DefaultValue List<String> capabilities,
            String link,
            @Positive Long bandwidthBytesPerSecond,
            @Min(0) Long latencyMicros,
            @DefaultValue("100") @DecimalMin("0") @DecimalMax("100") double batteryPercent) {
    }

    public TimeScale scale() {
        return new TimeScale(timeScale);
    }

    /** The devices as the application layer takes them; names the device and field that is wrong. */
    public List<DeviceSetup> deviceSetups() {
        return devices.stream().map(GatewayProperties::setup).toList();
    }

    private static DeviceSetup setup(Device device) {
        String at = "synergy.gateway.devices[" + device.id() + "].";
        AcceleratorSpec spec;
        try {
            spec = AcceleratorSpec.byName(device.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "type: " + e.getMessage(), e);
        }
        LinkModel link;
        String preset = null;
        if (device.link() != null && !device.link().isBlank()) {
            if (device.bandwidthBytesPerSecond() != null || device.latencyMicros() != null) {
                throw new IllegalArgumentException(at + "link: give a preset or bandwidth-bytes-per-second and "
                        + "latency-micros, not both");
            }
            try {
                LinkPreset named = LinkPreset.byName(device.link());
                preset = named.presetName();
                link = named.link();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "link: " + e.getMessage(), e);
            }
        } else if (device.bandwidthBytesPerSecond() != null && device.latencyMicros() != null) {
            link = new LinkModel(device.bandwidthBytesPerSecond(), device.latencyMicros());
        } else {
            throw new IllegalArgumentException(at + "link: required, a preset (" + presetNames()
                    + ") or both bandwidth-bytes-per-second and latency-micros");
        }
        return new DeviceSetup(device.id(), spec, device.capabilities(), preset, link, device.batteryPercent());
    }

    private static String presetNames() {
        return String.join(", ", java.util.Arrays.stream(LinkPreset.values()).map(LinkPreset::presetName).toList());
    }
}

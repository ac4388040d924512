package io.synergy.registry.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The registry's settings ({@code synergy.registry.*}). The Kafka bootstrap servers come from
 * {@code spring.cloud.stream.kafka.binder.brokers}, shared by every service; the multipart limits of
 * the upload from {@code spring.servlet.multipart.*}.
 *
 * @param writeTimeout       longest a write may take, from send to read-back by the registry's own reader
 * @param startTimeout       longest the rebuild of the state at start may take
 * @param replicationFactor  of the state topics the registry creates (1 on a single broker)
 * @param maxYamlSize        largest ai8x network description accepted
 * @param maxCheckpointSize  largest quantized checkpoint accepted
 * @param maxPackageSize     largest model package accepted or produced; it travels Base64 in JSON on
 *                           synergy.models (16 MiB per message), so it stays at most 12 MiB
 * @param capabilities       capabilities an app may name even before a device offers them (lower case)
 * @param heartbeatInterval  how often the gateways heartbeat their devices (their {@code synergy.gateway.heartbeat-interval})
 * @param missedHeartbeats   heartbeat intervals without a word after which the registry writes a device's departure
 */
@ConfigurationProperties("synergy.registry")
@Validated
public record RegistryProperties(
        @NotNull @DefaultValue("10s") Duration writeTimeout,
        @NotNull @DefaultValue("60s") Duration startTimeout,
        @Positive @DefaultValue("1") short replicationFactor,
        @NotNull @DefaultValue("1MB") DataSize maxYamlSize,
        @NotNull @DefaultValue("32MB") DataSize maxCheckpointSize,
        @NotNull @DefaultValue("12MB") DataSize maxPackageSize,
        @NotEmpty @DefaultValue({"camera", "microphone", "imu", "display", "speaker", "haptic"})
        List<String> capabilities,
        @NotNull @DefaultValue("5s") Duration heartbeatInterval,
        @Min(2) @DefaultValue("3") int missedHeartbeats) {

    /** The largest package that still fits one synergy.models message after Base64 (4/3) and the envelope. */
    public static final long PACKAGE_SIZE_CEILING_BYTES = 12L * 1024 * 1024;

    public RegistryProperties {
        if (maxPackageSize != null && maxPackageSize.toBytes() > PACKAGE_SIZE_CEILING_BYTES) {
            throw new IllegalArgumentException("synergy.registry.max-package-size: at most "
                    + PACKAGE_SIZE_CEILING_BYTES + " bytes (the models topic takes 16 MiB per message, Base64 adds 1/3), got "
                    + maxPackageSize.toBytes());
        }
    }
}

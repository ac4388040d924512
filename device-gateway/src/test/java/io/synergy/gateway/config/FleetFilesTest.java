package io.synergy.gateway.config;

import io.synergy.gateway.application.DeviceSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleets shipped in the jar bind and map onto devices. */
class FleetFilesTest {

    private static GatewayProperties bind(String file) throws IOException {
        var sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("synergy.gateway", GatewayProperties.class)
                .get();
    }

    @Test
    void theDefaultFleetIsTwoDevicesInRealTime() throws IOException {
        GatewayProperties properties = bind("application.yaml");

        assertThat(properties.deviceSetups()).extracting(DeviceSetup::deviceId).containsExactly("glasses-1", "phone-1");
        assertThat(properties.timeScale()).isEqualTo(1.0);
        assertThat(properties.queueCapacity()).isEqualTo(64);
    }

    @Test
    void theWearableFleetHasGlassesEarbudsWatchRingPendantAndAPhoneSideMax78002() throws IOException {
        List<DeviceSetup> devices = bind("application-wearable.yaml").deviceSetups();

        assertThat(devices).hasSizeGreaterThanOrEqualTo(6);
        assertThat(devices).filteredOn(d -> d.deviceId().equals("glasses-1")).singleElement()
                .satisfies(d -> assertThat(d.capabilities()).contains("camera", "display"));
        assertThat(devices).filteredOn(d -> d.spec().name().equals("MAX78002")).extracting(DeviceSetup::deviceId)
                .containsExactly("phone-1");
        assertThat(devices).extracting(DeviceSetup::deviceId)
                .contains("earbud-left", "watch-1", "ring-1", "pendant-1");
    }
}

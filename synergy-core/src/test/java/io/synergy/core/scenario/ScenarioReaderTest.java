package io.synergy.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.App;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Link;
import io.synergy.core.topology.LinkPreset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    static final String ISSUE_EXAMPLE = """
            devices:
              - id: glasses
                type: max78000            # or max78002
                capabilities: [camera, display]
                link: ble-2m              # a preset name, or {bandwidthKbps: 1400, latencyMs: 7.5}
                battery: 0.9              # optional, 0..1
            apps:
              - id: seg
                model: unet-large         # a zoo name
                source: camera
                target: display
                weight: 1.0               # optional
            """;

    final ScenarioReader reader = new ScenarioReader();

    @Test
    void readsTheFormOtherToolsWrite() {
        Scenario s = reader.read(ISSUE_EXAMPLE, "example");

        assertThat(s.name()).isEqualTo("example");
        assertThat(s.devices()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("glasses");
            assertThat(d.type()).isEqualTo("max78000");
            assertThat(d.capabilities()).containsExactlyInAnyOrder(Capability.CAMERA, Capability.DISPLAY);
            assertThat(d.link()).isEqualTo(LinkPreset.BLE_2M.link());
            assertThat(d.battery()).isEqualTo(0.9);
        });
        assertThat(s.apps()).containsExactly(new AppSpec("seg", "unet-large", Capability.CAMERA, Capability.DISPLAY, 1.0));
        List<App> apps = s.apps(new ZooCatalog());
        assertThat(apps.get(0).network().size()).isEqualTo(19);
        assertThat(s.space(new AcceleratorCostModel()).size()).isEqualTo(1);
    }

    @Test
    void readsAMeasuredLinkAndAWantedRate() {
        Scenario s = reader.read(ISSUE_EXAMPLE.replace("link: ble-2m", "link: {bandwidthKbps: 1400, latencyMs: 7.5}")
                .replace("weight: 1.0", "rate: 15"), "x");

        assertThat(s.devices().get(0).link()).isEqualTo(new Link(1400, 7.5));
        assertThat(s.apps().get(0).weight()).isEqualTo(15.0);
        assertThat(s.apps().get(0).wantedRate()).as("an app given a rate wants it").isEqualTo(15.0);
        assertThat(s.apps(new ZooCatalog()).get(0).wantedRate()).isEqualTo(15.0);
    }

    @Test
    void anAppGivenAWeightWantsNoParticularRate() {
        Scenario s = reader.read(ISSUE_EXAMPLE.replace("weight: 1.0", "weight: 2.5"), "x");

        assertThat(s.apps().get(0).weight()).isEqualTo(2.5);
        assertThat(s.apps().get(0).wantedRate()).isZero();
    }

    @Test
    void namesAnUnknownModel() {
        Scenario s = reader.read(ISSUE_EXAMPLE.replace("model: unet-large", "model: resnet50"), "x");

        assertThatThrownBy(() -> s.apps(new ZooCatalog()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("apps[0].model: unknown model 'resnet50'; known: convnet5, kws,");
    }

    @Test
    void namesAnUnknownDeviceType() {
        Scenario s = reader.read(ISSUE_EXAMPLE.replace("type: max78000", "type: max78003"), "x");

        assertThatThrownBy(() -> s.space(new AcceleratorCostModel()))
                .hasMessage("devices[0].type: unknown device type 'max78003'; known: max78000, max78002");
    }

    @Test
    void namesACapabilityNoDeviceHas() {
        Scenario s = reader.read(ISSUE_EXAMPLE.replace("target: display", "target: speaker"), "x");

        assertThatThrownBy(() -> s.apps(new ZooCatalog())).hasMessage("apps[0].target: no device has capability speaker");
    }

    @Test
    void namesTheLineOfMalformedYaml() {
        assertThatThrownBy(() -> reader.read("devices:\n  - id: [a\napps: []\n", "x"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("malformed YAML at line 3");
    }

    @Test
    void namesUnknownPresetsCapabilitiesAndFields() {
        assertThatThrownBy(() -> reader.read(ISSUE_EXAMPLE.replace("ble-2m", "ble-3m"), "x"))
                .hasMessageStartingWith("devices[0].link: unknown link preset 'ble-3m'; known: ble-1m, ble-2m, uart");
        assertThatThrownBy(() -> reader.read(ISSUE_EXAMPLE.replace("[camera, display]", "[camera, lidar]"), "x"))
                .hasMessageStartingWith("devices[0].capabilities[1]: unknown capability 'lidar'");
        assertThatThrownBy(() -> reader.read(ISSUE_EXAMPLE.replace("battery: 0.9", "batery: 0.9"), "x"))
                .hasMessageStartingWith("devices[0].batery: unknown field");
        assertThatThrownBy(() -> reader.read(ISSUE_EXAMPLE.replace("battery: 0.9", "battery: 1.5"), "x"))
                .hasMessage("devices[0].battery: must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> reader.read("devices: []\n", "x")).hasMessage("apps: missing");
    }

    @Test
    void rejectsTwoDevicesWithOneId() {
        String twice = ISSUE_EXAMPLE.replace("apps:", """
                  - id: glasses
                    type: max78002
                    link: wifi
                apps:""");

        assertThatThrownBy(() -> reader.read(twice, "x")).hasMessage("devices[1].id: 'glasses' is used twice");
    }

    @Test
    void writtenScenariosReadBackEqual() {
        Scenario s = reader.read(ISSUE_EXAMPLE, "example");

        assertThat(reader.read(new ScenarioWriter().write(s), "other")).isEqualTo(s);
    }

    @Test
    void aWrittenWantedRateReadsBackAsAWantedRate() {
        Scenario s = reader.read(ISSUE_EXAMPLE.replace("weight: 1.0", "rate: 15"), "example");

        assertThat(reader.read(new ScenarioWriter().write(s), "other")).isEqualTo(s);
    }
}

package io.synergy.core.scenario;

import io.synergy.core.planning.App;
import io.synergy.core.planning.CostModel;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fleet and the apps to run on it, as read from a scenario file ({@code docs/scenarios.md}).
 *
 * @param name        a label (the file name when the file has none)
 * @param description free text, may be empty
 */
public record Scenario(String name, String description, List<Device> devices, List<AppSpec> apps) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        devices = List.copyOf(devices);
        apps = List.copyOf(apps);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            if (!ids.add(devices.get(i).id())) {
                throw new ScenarioException("devices[" + i + "].id: '" + devices.get(i).id() + "' is used twice");
            }
        }
        ids.clear();
        for (int i = 0; i < apps.size(); i++) {
            if (!ids.add(apps.get(i).id())) {
                throw new ScenarioException("apps[" + i + "].id: '" + apps.get(i).id() + "' is used twice");
            }
        }
    }

    /**
     * The virtual computing space of the fleet under a cost model. Names the first device whose type
     * the cost model does not know.
     */
    public VirtualComputingSpace space(CostModel costModel) {
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (!costModel.deviceTypes().contains(d.type())) {
                throw new ScenarioException("devices[" + i + "].type: unknown device type '" + d.type()
                        + "'; known: " + String.join(", ", new TreeSet<>(costModel.deviceTypes())));
            }
        }
        return VirtualComputingSpace.of(costModel, devices);
    }

    /**
     * The apps with their networks. Names the first app whose model the catalogue does not know, or whose
     * source or target capability no device of the fleet has.
     */
    public List<App> apps(ModelCatalog catalog) {
        List<App> result = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            AppSpec a = apps.get(i);
            if (!catalog.knows(a.model())) {
                throw new ScenarioException("apps[" + i + "].model: unknown model '" + a.model() + "'; known: "
                        + String.join(", ", catalog.names()));
            }
            requireCapability(i, "source", a.source());
            requireCapability(i, "target", a.target());
            result.add(new App(a.id(), a.model(), catalog.network(a.model()), a.source(), a.target(), a.weight(),
                    a.wantedRate()));
        }
        return result;
    }

    private void requireCapability(int app, String field, Capability capability) {
        for (Device d : devices) {
            if (d.has(capability)) {
                return;
            }
        }
        throw new ScenarioException("apps[" + app + "]." + field + ": no device has capability " + capability.id());
    }
}

package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.core.network.Network;

import java.util.List;
import java.util.Map;

/**
 * One consistent view of what the planner plans over: the live devices, the networks of the
 * registered models and the deployed apps, each sorted by id so the same inputs plan the same way,
 * and the measured service-time factors in force (online estimation).
 *
 * @param version            increases with every change to the inputs
 * @param devices            the live devices planned with
 * @param lowBattery         live devices planned around for their low battery ({@link BatteryPolicy}), not in {@code devices}
 * @param structuralVersion  increases with every change but a measured factor (devices, models, apps)
 * @param serviceTimeFactors measured over modelled service time per device id, where it is not 1
 */
public record SpaceSnapshot(long version, List<FleetDevice> devices, Map<String, Network> models,
                            List<AppDeployed> apps, List<FleetDevice> lowBattery, long structuralVersion,
                            Map<String, Double> serviceTimeFactors) {

    public SpaceSnapshot {
        devices = List.copyOf(devices);
        lowBattery = List.copyOf(lowBattery);
        models = Map.copyOf(models);
        apps = List.copyOf(apps);
        serviceTimeFactors = Map.copyOf(serviceTimeFactors);
    }

    /** Inputs without measurements: every device at the model's times. */
    public SpaceSnapshot(long version, List<FleetDevice> devices, Map<String, Network> models, List<AppDeployed> apps,
                         List<FleetDevice> lowBattery) {
        this(version, devices, models, apps, lowBattery, version, Map.of());
    }

    /** Inputs without measurements and without devices planned around. */
    public SpaceSnapshot(long version, List<FleetDevice> devices, Map<String, Network> models, List<AppDeployed> apps) {
        this(version, devices, models, apps, List.of(), version, Map.of());
    }

    /** The same inputs without one device ("what if it left?"). */
    public SpaceSnapshot without(String deviceId) {
        return new SpaceSnapshot(version, devices.stream().filter(d -> !d.id().equals(deviceId)).toList(), models, apps,
                lowBattery, structuralVersion, serviceTimeFactors);
    }

    public boolean hasDevice(String deviceId) {
        return devices.stream().anyMatch(d -> d.id().equals(deviceId));
    }
}

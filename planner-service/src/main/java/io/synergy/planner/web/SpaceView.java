package io.synergy.planner.web;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.planner.application.FleetDevice;
import io.synergy.planner.application.SpaceSnapshot;

import java.util.List;

/**
 * The virtual computing space as the planner folded it.
 *
 * @param version    increases with every change to the inputs
 * @param devices    the devices planned with
 * @param lowBattery live devices planned around for their low battery
 */
public record SpaceView(long version, List<FleetDevice> devices, List<ModelView> models, List<AppDeployed> apps,
                        List<FleetDevice> lowBattery) {

    /** A registered model's network, by its registry name. */
    public record ModelView(String name, String network, int layers) {
    }

    static SpaceView of(SpaceSnapshot snapshot) {
        List<ModelView> models = snapshot.models().entrySet().stream()
                .map(e -> new ModelView(e.getKey(), e.getValue().name(), e.getValue().size()))
                .sorted(java.util.Comparator.comparing(ModelView::name)).toList();
        return new SpaceView(snapshot.version(), snapshot.devices(), models, snapshot.apps(), snapshot.lowBattery());
    }
}

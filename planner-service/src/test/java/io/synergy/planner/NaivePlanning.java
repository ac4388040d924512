package io.synergy.planner;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.plan.UnplacedApp;
import io.synergy.planner.application.FleetDevice;
import io.synergy.planner.application.PlanComputation;
import io.synergy.planner.application.PlanOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Temporary stand-in for the core planner: each app whole on its source device. */
@Configuration(proxyBeanMethods = false)
class NaivePlanning {

    @Bean
    PlanComputation naivePlanComputation() {
        return snapshot -> {
            List<AppPlan> plans = new ArrayList<>();
            List<UnplacedApp> unplaced = new ArrayList<>();
            for (AppDeployed app : snapshot.apps()) {
                Optional<FleetDevice> source = with(snapshot.devices(), app.sourceCapability());
                Optional<FleetDevice> target = with(snapshot.devices(), app.targetCapability());
                if (source.isEmpty() || target.isEmpty() || !snapshot.models().containsKey(app.modelName())) {
                    unplaced.add(new UnplacedApp(app.appId(), "no source, target or model"));
                    continue;
                }
                DeviceRef s = ref(source.get());
                plans.add(new AppPlan(app.appId(), app.modelName(), new PlanEnds(s, ref(target.get())),
                        List.of(new SegmentPlacement(0, snapshot.models().get(app.modelName()).size(), List.of(s))),
                        new PlanEstimate(1, 1, "device " + s.deviceId(), "naive")));
            }
            return new PlanOutcome("naive", plans, unplaced);
        };
    }

    private static Optional<FleetDevice> with(List<FleetDevice> devices, String capability) {
        return devices.stream().filter(d -> d.descriptor().capabilities().contains(capability)).findFirst();
    }

    private static DeviceRef ref(FleetDevice device) {
        return new DeviceRef(device.id(), device.descriptor().gatewayId());
    }
}

package io.synergy.planner.web;

import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.planner.application.CorePlanComputation;
import io.synergy.planner.application.DeviceUsage;
import io.synergy.planner.application.Replanning;
import io.synergy.planner.application.SpaceInputs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/space/devices}: every live device with its capacity, what the plan set in force keeps
 * loaded on it, and how busy the estimator expects its compute and link to be (the dashboard's tiles).
 */
@RestController
public class DeviceUsageController {

    private final SpaceInputs inputs;
    private final Replanning replanning;
    private final CorePlanComputation computation;

    public DeviceUsageController(SpaceInputs inputs, Replanning replanning, CorePlanComputation computation) {
        this.inputs = inputs;
        this.replanning = replanning;
        this.computation = computation;
    }

    @GetMapping("/api/space/devices")
    public Usage devices() {
        PlanSetPublished current = replanning.current().orElse(null);
        List<AppPlan> plans = current == null ? List.of() : current.plans();
        return new Usage(current == null ? 0 : current.epoch(), computation.usage(inputs.snapshot(), plans));
    }

    /** @param epoch the plan set the usage follows, 0 before the first */
    public record Usage(long epoch, List<DeviceUsage> devices) {
    }
}

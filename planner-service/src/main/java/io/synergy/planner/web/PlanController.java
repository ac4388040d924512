package io.synergy.planner.web;

import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.core.planning.ServiceTimeEstimates;
import io.synergy.planner.application.PlanOutcome;
import io.synergy.planner.application.Replanning;
import io.synergy.planner.application.SpaceInputs;
import io.synergy.planner.application.SpaceSnapshot;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code /api/plans}: the current plan set with each plan's estimate, bottleneck and explanation, and
 * what-if queries that plan without a device and publish nothing.
 */
@RestController
@RequestMapping("/api/plans")
public class PlanController {

    private final Replanning replanning;
    private final SpaceInputs inputs;

    public PlanController(Replanning replanning, SpaceInputs inputs) {
        this.replanning = replanning;
        this.inputs = inputs;
    }

    @GetMapping
    public ResponseEntity<?> current() {
        return replanning.current().<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no plan set yet: it appears once an app is deployed and devices are announced");
            problem.setProperty("code", "no-plan-set");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }

    /**
     * {@code GET /api/plans/service-times}: per device, the moving average of measured over modelled
     * stage service time, the factor the plans are costed with, and the stages measured so far.
     */
    @GetMapping("/service-times")
    public Map<String, ServiceTimeEstimates.DeviceEstimate> serviceTimes() {
        return inputs.serviceTimes();
    }

    /** {@code GET /api/plans/what-if?without=<deviceId>} */
    @GetMapping("/what-if")
    public ResponseEntity<?> whatIf(@RequestParam("without") String deviceId) {
        SpaceSnapshot snapshot = inputs.snapshot();
        if (!snapshot.hasDevice(deviceId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "without: device '" + deviceId + "' is not in the space");
            problem.setProperty("code", "unknown-device");
            problem.setProperty("field", "without");
            return ResponseEntity.badRequest().body(problem);
        }
        PlanOutcome outcome = replanning.whatIf(snapshot.without(deviceId));
        long currentEpoch = replanning.current().map(PlanSetPublished::epoch).orElse(0L);
        return ResponseEntity.ok(new WhatIf(deviceId, currentEpoch, outcome));
    }

    /**
     * @param basedOnEpoch the epoch of the plan set in force when asked (0 before the first)
     */
    public record WhatIf(String without, long basedOnEpoch, PlanOutcome outcome) {
    }
}

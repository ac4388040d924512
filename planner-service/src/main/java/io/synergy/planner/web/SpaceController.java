package io.synergy.planner.web;

import io.synergy.planner.application.SpaceInputs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/space}: the devices, models and apps the planner plans over. */
@RestController
public class SpaceController {

    private final SpaceInputs inputs;

    public SpaceController(SpaceInputs inputs) {
        this.inputs = inputs;
    }

    @GetMapping("/api/space")
    public SpaceView space() {
        return SpaceView.of(inputs.snapshot());
    }
}

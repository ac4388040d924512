package io.synergy.core.accelerator;

import java.util.List;

/**
 * A segment's resources on one device together with the limits it breaks there (empty when it fits)
 * and the processor mapping both were derived from.
 */
public record ResourceAssessment(AcceleratorSpec spec, SegmentMapping mapping, SegmentResources resources,
                                 List<ResourceViolation> violations) {

    public ResourceAssessment {
        violations = List.copyOf(violations);
    }

    public boolean fits() {
        return violations.isEmpty();
    }
}

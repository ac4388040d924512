package io.synergy.core.accelerator;

import java.util.List;
import java.util.stream.Collectors;

/** A segment breaks one or more limits of the device it was meant for; the message names each. */
public final class SegmentDoesNotFitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ResourceViolation> violations;

    public SegmentDoesNotFitException(String segment, AcceleratorSpec spec, List<ResourceViolation> violations) {
        super(segment + " does not fit " + spec.name() + ": "
                + violations.stream().map(ResourceViolation::message).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a segment that does not fit breaks at least one limit");
        }
        this.violations = List.copyOf(violations);
    }

    public List<ResourceViolation> violations() {
        return violations;
    }
}

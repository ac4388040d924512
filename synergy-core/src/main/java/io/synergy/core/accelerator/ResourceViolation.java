package io.synergy.core.accelerator;

import java.util.Objects;

/**
 * One limit a segment breaks on a device: what it needs and what the device has, in
 * {@link ResourceLimit#unit()}.
 *
 * @param layer  the layer at which the limit is reached, or {@link #NO_LAYER} for whole-segment limits
 * @param detail where exactly (e.g. "processor 0, offset 644, 128 rows"), or empty
 */
public record ResourceViolation(ResourceLimit limit, long need, long capacity, int layer, String detail) {

    public static final int NO_LAYER = -1;

    public ResourceViolation {
        Objects.requireNonNull(limit, "limit");
        detail = detail == null ? "" : detail;
        if (need <= capacity) {
            throw new IllegalArgumentException(limit.label() + ": a violation needs more than the capacity, got need "
                    + need + " <= capacity " + capacity);
        }
    }

    public static ResourceViolation of(ResourceLimit limit, long need, long capacity) {
        return new ResourceViolation(limit, need, capacity, NO_LAYER, "");
    }

    public boolean hasLayer() {
        return layer != NO_LAYER;
    }

    /** E.g. "kernel memory at layer 5: needs 772 rows, capacity 768 rows (processor 0, offset 644, 128 rows)". */
    public String message() {
        StringBuilder s = new StringBuilder(limit.label());
        if (hasLayer()) {
            s.append(" at layer ").append(layer);
        }
        s.append(": needs ").append(need).append(' ').append(limit.unit())
                .append(", capacity ").append(capacity).append(' ').append(limit.unit());
        if (!detail.isEmpty()) {
            s.append(" (").append(detail).append(')');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}

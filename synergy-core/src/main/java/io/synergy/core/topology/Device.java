package io.synergy.core.topology;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One accelerator MCU of the fleet.
 *
 * @param id           unique in the fleet
 * @param type         the accelerator type, lower case ({@code max78000}, {@code max78002}); the
 *                     planning cost model says which types it knows
 * @param capabilities sensors and outputs it has (may be empty: a pure compute device)
 * @param link         its link to the rest of the fleet
 * @param battery      charge in [0, 1]; 1 when unknown
 */
public record Device(String id, String type, Set<Capability> capabilities, Link link, double battery) {

    public Device {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("device: id must not be blank");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("device " + id + ": type must not be blank");
        }
        type = type.trim().toLowerCase(Locale.ROOT);
        capabilities = capabilities.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(capabilities, "capabilities")));
        Objects.requireNonNull(link, "device " + id + ": link");
        if (!(battery >= 0 && battery <= 1)) {
            throw new IllegalArgumentException("device " + id + ": battery must be in [0, 1], got " + battery);
        }
    }

    public Device(String id, String type, Set<Capability> capabilities, Link link) {
        this(id, type, capabilities, link, 1.0);
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public Device withBattery(double level) {
        return new Device(id, type, capabilities, link, level);
    }

    public Device withLink(Link newLink) {
        return new Device(id, type, capabilities, newLink, battery);
    }
}

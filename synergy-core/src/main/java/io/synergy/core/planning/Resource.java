package io.synergy.core.planning;

import java.util.Objects;

/**
 * One resource a pipeline can be limited by: a device's compute (CNN engine and its I/O), its link, or
 * the shared links of an odd group of devices exchanging data among themselves ({@code deviceId} then
 * joins the members' ids with '+', e.g. {@code glasses+watch+ring}).
 */
public record Resource(String deviceId, Kind kind) {

    public enum Kind { COMPUTE, LINK, LINKS }

    public Resource {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
    }

    /** {@code glasses.compute}, {@code watch.link}. */
    @Override
    public String toString() {
        return deviceId + "." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}

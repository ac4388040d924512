package io.synergy.gateway.application;

import java.util.Locale;

/**
 * What an injected fault has done to a device (docs/device-gateway.md, "Fault injection").
 * {@link #LEFT} and {@link #FAILED} devices are gone from the fleet; {@link #SLOW} ones keep serving.
 */
public enum DeviceFault {
    /** Serving at its modelled speed. */
    SERVING,
    /** Said goodbye ({@code DeviceLeft}); stages for it are rejected, it no longer heartbeats. */
    LEFT,
    /** Stopped without a goodbye: no heartbeats, and stages for it vanish unanswered. */
    FAILED,
    /** Serving, with its stage times multiplied by a factor. */
    SLOW;

    /** The name on the REST view: {@code serving}, {@code left}, {@code failed}, {@code slow}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the device is part of the fleet: it heartbeats and runs stages. */
    public boolean present() {
        return this == SERVING || this == SLOW;
    }
}

package io.synergy.core.topology;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a device can sense or present. An app names a source capability (where its input comes from)
 * and a target capability (where its result goes); the planner may only pick a source or target device
 * that has it.
 */
public enum Capability {
    CAMERA(Kind.SENSOR),
    MICROPHONE(Kind.SENSOR),
    IMU(Kind.SENSOR),
    DISPLAY(Kind.OUTPUT),
    SPEAKER(Kind.OUTPUT),
    HAPTIC(Kind.OUTPUT);

    /** Sensors produce an app's input, outputs consume its result. */
    public enum Kind { SENSOR, OUTPUT }

    private final Kind kind;

    Capability(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The name used in scenario files and on the wire: lower case ({@code camera}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a scenario name such as {@code camera}; the error lists the known names. */
    public static Capability named(String name) {
        for (Capability c : values()) {
            if (c.id().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + name + "'; known: " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(Capability::id).collect(Collectors.joining(", "));
    }
}

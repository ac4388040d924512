package io.synergy.core.zoo;

import java.util.List;

/** A zoo name that is not one of the known models; the message lists the known ones. */
public final class UnknownZooModelException extends IllegalArgumentException {

    public UnknownZooModelException(String name, List<String> known) {
        super("unknown zoo model '" + name + "'; known models: " + String.join(", ", known));
    }
}

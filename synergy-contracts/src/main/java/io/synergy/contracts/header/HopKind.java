package io.synergy.contracts.header;

import java.util.Locale;

/**
 * The three kinds of Kafka message a route is made of, each one hop: the executor's dispatch to the
 * first stage's gateway, a stage's output entering the next stage (gateway to gateway), and the last
 * stage's outcome (completion or rejection) going back to the executor.
 */
public enum HopKind {
    DISPATCH,
    ACTIVATION,
    OUTCOME;

    /**
     * The kind of a record on {@code synergy.activations.<gatewayId>}: stage 0 is always written by the
     * executor (a first dispatch or a retry), every later stage by the gateway of the stage before.
     */
    public static HopKind ofActivation(ActivationHeaders headers) {
        return headers.stageIndex() == 0 ? DISPATCH : ACTIVATION;
    }

    /** The value of the meter tag {@link HopTransfer#KIND_TAG}: the name in lower case. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.synergy.core.network;

/** Activation applied after requantisation (ai8x {@code activate}). */
public enum Activation {
    NONE,
    RELU,
    ABS
}

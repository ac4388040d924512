package io.synergy.core.network;

/** Element-wise combination of a layer's operands (ai8x {@code eltwise}), clipped to int8. */
public enum ElementwiseOp {
    NONE,
    ADD,
    SUB,
    XOR,
    OR
}

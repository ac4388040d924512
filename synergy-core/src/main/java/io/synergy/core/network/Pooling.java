package io.synergy.core.network;

/** Pooling before the operation (ai8x {@code max_pool} / {@code avg_pool}). */
public enum Pooling {
    NONE,
    MAX,
    AVG
}

package io.synergy.gateway.application;

/** A segment a plan set places on one of this gateway's devices, before its weights are loaded. */
public record SegmentAssignment(String deviceId, SegmentKey key, String modelName) {
}

package io.synergy.core.simulation;

/**
 * One step of a simulated request, for the event log.
 *
 * @param timeNanos virtual time
 * @param what      {@code released}, {@code stage-start}, {@code stage-end}, {@code transfer-start},
 *                  {@code transfer-end} or {@code completed}
 * @param device    the device (for a transfer: the receiving one), -1 for none
 */
public record TraceEntry(long timeNanos, String what, String appId, long request, int stage, int device) {
}

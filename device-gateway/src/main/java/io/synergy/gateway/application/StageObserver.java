package io.synergy.gateway.application;

/** Told of every stage a device finished; the service turns it into metrics. */
public interface StageObserver {

    StageObserver NONE = (deviceId, segment, serviceNanos) -> {
    };

    /**
     * @param serviceNanos host nanoseconds the device was busy with the stage: from its start to its
     *                     modelled completion (the modelled time, or the arithmetic's when that took longer)
     */
    void stageServed(String deviceId, SegmentKey segment, long serviceNanos);
}

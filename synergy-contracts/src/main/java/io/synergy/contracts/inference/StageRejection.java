package io.synergy.contracts.inference;

/** Why a gateway did not run a stage; every one of them is worth a re-dispatch under the current plan. */
public enum StageRejection {
    /** The stage was dispatched under an epoch older than the one the device has loaded since. */
    STALE_EPOCH,
    /** The device holds no segment of the app for the stage's layers (not yet loaded, or planned elsewhere). */
    SEGMENT_NOT_LOADED,
    /** The stage names a device this gateway does not own. */
    UNKNOWN_DEVICE,
    /** The activation's bytes do not match the tensors the segment expects. */
    INVALID_ACTIVATION,
    /** The device's queue stayed full for longer than the gateway waits before it gives a stage back. */
    QUEUE_FULL,
    /** The request's deadline passed before the device could start the stage. */
    DEADLINE_PASSED
}

package io.synergy.core.simulation;

/**
 * Something that happens at one instant of a simulation. Events at the same instant run in the order
 * of their {@link Kind} (completions free resources before new work is admitted), then in the order
 * they were scheduled, so a run is deterministic.
 */
public sealed interface SimEvent permits SimEvent.StageCompleted, SimEvent.TransferCompleted,
        SimEvent.RequestReleased {

    enum Kind { STAGE_COMPLETED, TRANSFER_COMPLETED, REQUEST_RELEASED }

    Kind kind();

    /** A device finished running a segment for a request. */
    record StageCompleted(int device) implements SimEvent {
        @Override
        public Kind kind() {
            return Kind.STAGE_COMPLETED;
        }
    }

    /** A transfer between two devices' links finished. */
    record TransferCompleted(long transfer) implements SimEvent {
        @Override
        public Kind kind() {
            return Kind.TRANSFER_COMPLETED;
        }
    }

    /** An app's source produced its next input. */
    record RequestReleased(int app) implements SimEvent {
        @Override
        public Kind kind() {
            return Kind.REQUEST_RELEASED;
        }
    }
}

package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.StageRejected;

import java.util.ArrayList;
import java.util.List;

/** Records what a scheduler emits, with the virtual time of each emission. */
final class RecordingSink implements StageSink {

    record Forwarded(ActivationHeaders headers, byte[] value, long atNanos) {
    }

    record Completed(InferenceCompleted event, long atNanos) {
    }

    private final DeviceClock clock;
    final List<Forwarded> forwarded = new ArrayList<>();
    final List<Completed> completed = new ArrayList<>();
    final List<StageRejected> rejected = new ArrayList<>();

    RecordingSink(DeviceClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void forward(ActivationHeaders next, byte[] value) {
        forwarded.add(new Forwarded(next, value, clock.nanoTime()));
    }

    @Override
    public synchronized void complete(InferenceCompleted event) {
        completed.add(new Completed(event, clock.nanoTime()));
    }

    @Override
    public synchronized void reject(StageRejected event) {
        rejected.add(event);
    }
}

package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.StageRejected;

/** Where the outcome of a stage goes: the next stage's gateway, the results topic, or a rejection. */
public interface StageSink {

    /** The output of a stage, as it enters the next stage (after the modelled link transfer). */
    void forward(ActivationHeaders next, byte[] value);

    /** The output of the last stage. */
    void complete(InferenceCompleted completed);

    /** A stage this gateway did not run. */
    void reject(StageRejected rejected);
}

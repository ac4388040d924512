package io.synergy.executor.application;

import io.synergy.contracts.header.ActivationHeaders;

/** Sends an input tensor to the gateway of its first stage (the messaging layer implements it). */
public interface ActivationSender {

    /**
     * Sends the raw tensor bytes with their headers to {@code headers.topicName()}, keyed by request id.
     * Returns once the send is handed to the client; a lost send shows up as a dispatch timeout.
     */
    void send(ActivationHeaders headers, byte[] tensorBytes);
}

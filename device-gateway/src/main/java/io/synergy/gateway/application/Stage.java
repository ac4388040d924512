package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;

/**
 * One activation entering one stage, as it came off the gateway's topic.
 *
 * @param value the raw bytes of the tensors live at the stage's first layer (core {@code Activations}
 *              codec: each tensor's raw little-endian elements, ascending tensor id)
 */
public record Stage(ActivationHeaders headers, byte[] value) {

    public String requestId() {
        return headers.dispatch().requestId();
    }

    public String deviceId() {
        return headers.stage().deviceId();
    }

    public SegmentKey segment() {
        return new SegmentKey(headers.dispatch().appId(), headers.stage().fromLayer(), headers.stage().toLayer());
    }
}

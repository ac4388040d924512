package io.synergy.executor.web;

import io.synergy.contracts.tensor.WireTensor;

/**
 * An Open Inference Protocol v2 inference request, as far as the executor uses it.
 *
 * @param id           the client's request id, echoed in the response; null when absent
 * @param inputName    the name the client gave its input tensor
 * @param input        the input tensor
 * @param binaryOutput true when the client asked for the output in the binary tensor extension
 * @param timeoutMillis the client's own timeout ({@code parameters.timeout_ms}); 0 for the default
 */
public record OipRequest(String id, String inputName, WireTensor input, boolean binaryOutput, long timeoutMillis) {
}

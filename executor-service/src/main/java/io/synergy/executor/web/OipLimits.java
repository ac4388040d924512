package io.synergy.executor.web;

/**
 * Limits on untrusted Open Inference Protocol bodies.
 *
 * @param maxRequestBytes   largest body, JSON header and binary tensor bytes together
 * @param maxTensorElements most elements of one input tensor
 */
public record OipLimits(int maxRequestBytes, int maxTensorElements) {

    /** Deepest JSON nesting a valid request needs is 4 (body, inputs, tensor, parameters); a little slack. */
    static final int MAX_NESTING_DEPTH = 8;
    /** Longest string (ids, names, datatypes) a request may hold. */
    static final int MAX_STRING_CHARS = 256;
    /** Longest number literal; int8/int32 elements need at most 11 characters. */
    static final int MAX_NUMBER_CHARS = 20;
    /** Inputs per request: every served model has one input tensor. */
    static final int MAX_INPUTS = 1;
    /** Requested outputs per request. */
    static final int MAX_OUTPUTS = 8;

    public OipLimits {
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes: must be >= 1024, got " + maxRequestBytes);
        }
        if (maxTensorElements < 1) {
            throw new IllegalArgumentException("maxTensorElements: must be >= 1, got " + maxTensorElements);
        }
    }
}

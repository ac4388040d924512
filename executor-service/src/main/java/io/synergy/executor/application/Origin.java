package io.synergy.executor.application;

/** Where a request came from, which decides where its outcome goes. */
public enum Origin {
    /** An HTTP client waits on the response. */
    HTTP,
    /** A Kafka client reads the outcome from {@code synergy.inference.results}. */
    KAFKA
}

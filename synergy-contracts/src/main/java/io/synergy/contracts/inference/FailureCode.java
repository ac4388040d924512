package io.synergy.contracts.inference;

/** Why a request failed; stable names that clients may switch on. */
public enum FailureCode {
    /** No app serves the model named in the request. */
    UNKNOWN_MODEL,
    /** The input does not match the model: datatype, shape or values. */
    INVALID_INPUT,
    /** The app already has its maximum number of requests in flight. */
    OVERLOADED,
    /** No result arrived before the request's deadline, re-dispatches included. */
    DEADLINE_EXCEEDED,
    /** The fleet currently has no plan for the app (see the plan set's unplaced apps). */
    UNPLACED,
    /** A fault of the system itself; the message says which. */
    INTERNAL
}

package io.synergy.api;

import io.synergy.api.security.ApiKeyHash;

/** Fixed keys for the gateway's tests, and the arguments that give the gateway their hashes. */
final class TestKeys {

    static final String ADMIN = "test-admin-key-2f6c1d0e9a8b7c6d5e4f3a2b1c0d9e8f";
    static final String INFERENCE = "test-inference-key-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
    /** A key listed under both scopes. */
    static final String BOTH = "test-both-scopes-key-0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    static final String ADMIN_HASHES = "--synergy.api.keys.admin=" + ApiKeyHash.hex(ADMIN) + "," + ApiKeyHash.hex(BOTH);
    static final String INFERENCE_HASHES = "--synergy.api.keys.inference=" + ApiKeyHash.hex(INFERENCE) + ","
            + ApiKeyHash.hex(BOTH);

    private TestKeys() {
    }
}

package io.synergy.api.security;

/** What a key may do at the api-gateway (docs/security.md). */
public enum ApiScope {
    /** Run inference: {@code POST /v2/models/{name}/infer} and read {@code /v2/models/**}. */
    INFERENCE,
    /** Administer: everything under {@code /api/**} (registry, planner, fault injection) and the actuator beyond health. */
    ADMIN;

    /** The name used in configuration and in errors: {@code inference}, {@code admin}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

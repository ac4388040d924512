package io.synergy.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyringTest {

    private static final String ADMIN = "admin-key-with-enough-entropy-7f3a";
    private static final String INFERENCE = "inference-key-with-enough-entropy-1c9e";

    private final ApiKeyring keyring = ApiKeyring.of(Map.of(
            ApiScope.ADMIN, List.of(ApiKeyHash.hex(ADMIN)),
            ApiScope.INFERENCE, List.of(ApiKeyHash.hex(INFERENCE).toUpperCase())));

    @Test
    void aKeyHasTheScopesItsHashIsListedUnder() {
        assertThat(keyring.scopesOf(ADMIN)).containsExactly(ApiScope.ADMIN);
        assertThat(keyring.scopesOf(INFERENCE)).containsExactly(ApiScope.INFERENCE);
    }

    @Test
    void anUnknownKeyOrTheHashItselfHasNoScope() {
        assertThat(keyring.scopesOf("guess")).isEmpty();
        assertThat(keyring.scopesOf(ApiKeyHash.hex(ADMIN))).isEmpty();
    }

    @Test
    void rejectsAConfiguredHashThatIsNotSixtyFourHexDigitsNamingTheProperty() {
        assertThatThrownBy(() -> ApiKeyring.of(Map.of(ApiScope.ADMIN, List.of("plain-text-key"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synergy.api.keys.admin[0]").hasMessageContaining("64 hex digits");
    }

    @Test
    void inferenceOpensTheOipModelPathsAdminEverythingElseAndHealthIsOpen() {
        AccessRule rule = new AccessRule(List.of("/dashboard/**"));
        assertThat(rule.required(HttpMethod.POST, "/v2/models/kws20/infer")).contains(ApiScope.INFERENCE);
        assertThat(rule.required(HttpMethod.GET, "/v2/models/kws20/ready")).contains(ApiScope.INFERENCE);
        assertThat(rule.required(HttpMethod.POST, "/api/infer/kws20")).contains(ApiScope.ADMIN);
        assertThat(rule.required(HttpMethod.POST, "/api/gateway/devices/d1/fail")).contains(ApiScope.ADMIN);
        assertThat(rule.required(HttpMethod.GET, "/actuator/metrics")).contains(ApiScope.ADMIN);
        assertThat(rule.required(HttpMethod.GET, "/v2/health/ready")).isEqualTo(Optional.empty());
        assertThat(rule.required(HttpMethod.GET, "/actuator/health/liveness")).isEmpty();
        assertThat(rule.required(HttpMethod.GET, "/dashboard/app.js")).isEmpty();
        assertThat(rule.required(HttpMethod.POST, "/dashboard/app.js")).contains(ApiScope.ADMIN);
        assertThat(rule.required(HttpMethod.GET, "/unlisted")).contains(ApiScope.ADMIN);
    }
}

package io.synergy.api.config;

import io.synergy.api.security.ApiScope;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * API keys ({@code synergy.api.keys.*}), as hex SHA-256 hashes only: the keys themselves stay with
 * their holders. With no hash configured every protected path answers 401.
 *
 * @param admin       hashes of keys with scope {@code admin}
 * @param inference   hashes of keys with scope {@code inference}
 * @param openPaths   Ant patterns of static files (the dashboard) anyone may GET
 */
@Validated
@ConfigurationProperties("synergy.api.keys")
public record ApiKeyProperties(
        @DefaultValue({}) @NotNull List<String> admin,
        @DefaultValue({}) @NotNull List<String> inference,
        @DefaultValue({"/", "/index.html", "/favicon.ico", "/dashboard/**", "/assets/**", "/static/**"})
        @NotNull List<String> openPaths) {

    public Map<ApiScope, List<String>> hashesByScope() {
        Map<ApiScope, List<String>> hashes = new EnumMap<>(ApiScope.class);
        hashes.put(ApiScope.ADMIN, admin);
        hashes.put(ApiScope.INFERENCE, inference);
        return hashes;
    }
}

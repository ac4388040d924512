package io.synergy.api.security;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Optional;

/**
 * Which scope a request needs, by path (contracts: docs/security.md). Open: the OIP and actuator
 * health endpoints and, for GET, the dashboard's static files. {@code inference}: {@code /v2/models/**}.
 * Everything else, {@code /api/**} included, needs {@code admin} — a path nobody listed is closed.
 */
public final class AccessRule {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final List<String> OPEN = List.of("/v2/health/**", "/actuator/health", "/actuator/health/**");

    private final List<String> openStaticPaths;

    /** @param openStaticPaths Ant patterns of the static files anyone may GET (the dashboard) */
    public AccessRule(List<String> openStaticPaths) {
        this.openStaticPaths = List.copyOf(openStaticPaths);
    }

    /** The scope the request needs, or empty when it is open. */
    public Optional<ApiScope> required(HttpMethod method, String path) {
        if (matchesAny(OPEN, path)) {
            return Optional.empty();
        }
        if (path.equals("/v2/models") || PATHS.match("/v2/models/**", path)) {
            return Optional.of(ApiScope.INFERENCE);
        }
        if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && matchesAny(openStaticPaths, path)) {
            return Optional.empty();
        }
        return Optional.of(ApiScope.ADMIN);
    }

    private static boolean matchesAny(List<String> patterns, String path) {
        for (String pattern : patterns) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }
}

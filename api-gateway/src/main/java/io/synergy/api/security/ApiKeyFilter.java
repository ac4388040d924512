package io.synergy.api.security;

import io.synergy.api.web.ErrorBodies;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;

/**
 * Lets a request through only with a key of the scope its path needs: 401 without a known key,
 * 403 with a key that lacks the scope, both as a JSON error naming the scope. The key travels as
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; it is removed before the request
 * is routed, so no service behind the gateway ever sees it.
 */
public final class ApiKeyFilter implements WebFilter, Ordered {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyring keyring;
    private final AccessRule rule;

    public ApiKeyFilter(ApiKeyring keyring, AccessRule rule) {
        this.keyring = keyring;
        this.rule = rule;
    }

    @Override
    public int getOrder() {
        // before routing and before the actuator's handlers
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<ApiScope> required = rule.required(request.getMethod(), request.getPath().value());
        if (required.isEmpty()) {
            return chain.filter(exchange);
        }
        String scope = required.get().label();
        Optional<String> key = presentedKey(request.getHeaders());
        if (key.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return ErrorBodies.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authorization: an API key of scope " + scope + " is required (Authorization: Bearer <key> or "
                            + API_KEY_HEADER + ": <key>)");
        }
        Set<ApiScope> scopes = keyring.scopesOf(key.get());
        if (scopes.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return ErrorBodies.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authorization: the API key is not known here; a key of scope " + scope + " is required");
        }
        if (!scopes.contains(required.get())) {
            return ErrorBodies.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "Authorization: the API key lacks scope " + scope + " needed for " + request.getMethod() + " "
                            + request.getPath().value());
        }
        ServerHttpRequest withoutKey = request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(API_KEY_HEADER);
        }).build();
        return chain.filter(exchange.mutate().request(withoutKey).build());
    }

    private static Optional<String> presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).trim();
            if (!key.isEmpty()) {
                return Optional.of(key);
            }
        }
        String header = headers.getFirst(API_KEY_HEADER);
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.trim());
    }
}

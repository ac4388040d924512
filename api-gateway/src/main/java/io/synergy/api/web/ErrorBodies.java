package io.synergy.api.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one shape of an error the gateway answers itself: on the OIP paths ({@code /v2/**})
 * {@code {"error": "..."}}, elsewhere an RFC 9457 problem with a stable {@code code}.
 */
public final class ErrorBodies {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        String path = exchange.getRequest().getPath().value();
        ObjectNode body = MAPPER.createObjectNode();
        if (path.startsWith("/v2/")) {
            body.put("error", detail);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        } else {
            HttpStatus known = HttpStatus.resolve(status.value());
            body.put("type", "about:blank");
            body.put("title", known == null ? "Error" : known.getReasonPhrase());
            body.put("status", status.value());
            body.put("detail", detail);
            body.put("instance", path);
            body.put("code", code);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        response.setStatusCode(status);
        DataBuffer buffer = response.bufferFactory().wrap(MAPPER.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }
}

package io.synergy.api.web;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Errors the gateway itself raises (no route, a service down or too slow) as the API promises: on
 * the OIP paths {@code {"error": "..."}}, elsewhere an RFC 9457 problem with a stable {@code code}.
 * Never a stack trace. Errors a service answers itself pass through unchanged.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        String path = exchange.getRequest().getPath().value();
        String detail = detailOf(error, status, path);
        ObjectNode body = MAPPER.createObjectNode();
        if (path.startsWith("/v2/")) {
            body.put("error", detail);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        } else {
            body.put("type", "about:blank");
            body.put("title", HttpStatus.resolve(status.value()) == null ? "Error" : HttpStatus.resolve(status.value()).getReasonPhrase());
            body.put("status", status.value());
            body.put("detail", detail);
            body.put("instance", path);
            body.put("code", codeOf(status));
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        response.setStatusCode(status);
        DataBuffer buffer = response.bufferFactory().wrap(MAPPER.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException) {
            return ((ResponseStatusException) error).getStatusCode();
        }
        if (hasCause(error, ConnectException.class)) {
            return HttpStatus.BAD_GATEWAY;
        }
        if (hasCause(error, TimeoutException.class)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(Throwable error, HttpStatusCode status, String path) {
        if (status.value() == 404) {
            return "path: no route for " + path + "; routes: /v2/health/live, /v2/health/ready, /v2/models/{name}[/ready|/infer], "
                    + "/api/models/**, /api/apps/**, /api/devices/**, /api/plans/**, /api/space/**, /api/infer/**, /api/executor/**, /api/gateway/**";
        }
        if (status.value() == 502) {
            return "upstream: the service behind " + path + " is unreachable";
        }
        if (status.value() == 504) {
            return "upstream: the service behind " + path + " did not answer in time";
        }
        if (error instanceof ResponseStatusException && ((ResponseStatusException) error).getReason() != null) {
            return ((ResponseStatusException) error).getReason();
        }
        return "gateway: the request failed (" + status.value() + ")";
    }

    private static String codeOf(HttpStatusCode status) {
        switch (status.value()) {
            case 404: return "NO_ROUTE";
            case 502: return "UPSTREAM_UNREACHABLE";
            case 503: return "UPSTREAM_UNAVAILABLE";
            case 504: return "UPSTREAM_TIMEOUT";
            default: return status.is4xxClientError() ? "BAD_REQUEST" : "GATEWAY_ERROR";
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}

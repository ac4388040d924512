package io.synergy.api.web;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

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

    /** What a client is told to wait while a breaker is open (its half-open probe comes after 10 s). */
    private static final long BREAKER_RETRY_AFTER_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        // the CircuitBreaker route filter turns a refused call into ServiceUnavailableException
        if (hasCause(error, CallNotPermittedException.class) || hasCause(error, ServiceUnavailableException.class)) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(BREAKER_RETRY_AFTER_SECONDS));
            return ErrorBodies.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_CIRCUIT_OPEN",
                    "upstream: the circuit breaker for the service behind " + path
                            + " is open after repeated failures; retry after " + BREAKER_RETRY_AFTER_SECONDS + " s");
        }
        // the route's bulkhead: the service already has its bound of calls in flight through this gateway
        if (hasCause(error, BulkheadFullException.class)) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return ErrorBodies.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "UPSTREAM_BULKHEAD_FULL",
                    "upstream: the service behind " + path + " has its limit of concurrent calls through this gateway"
                            + " (resilience4j.bulkhead max-concurrent-calls); retry after 1 s");
        }
        HttpStatusCode status = statusOf(error);
        return ErrorBodies.write(exchange, status, codeOf(status), detailOf(error, status, path));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException) {
            return ((ResponseStatusException) error).getStatusCode();
        }
        if (hasCause(error, ConnectException.class) || hasCause(error, PrematureCloseException.class)) {
            return HttpStatus.BAD_GATEWAY;
        }
        if (hasCause(error, TimeoutException.class)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        LOG.warn("gateway: unexpected failure: {}", error.toString());
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(Throwable error, HttpStatusCode status, String path) {
        if (status.value() == 404) {
            return "path: no route for " + path + "; routes: /v2/health/live, /v2/health/ready, /v2/models/{name}[/ready|/infer], "
                    + "/api/models/**, /api/apps/**, /api/devices/**, /api/plans/**, /api/space/**, /api/infer/**, /api/executor/**, /api/gateway/**";
        }
        if (status.value() == 502 && hasCause(error, PrematureCloseException.class)) {
            // e.g. Tomcat answers 413 to an oversized upload and closes before the body is sent
            return "upstream: the service behind " + path + " closed the connection before answering; an upload over "
                    + "its size limit is the usual cause (the model upload limits are in docs/registry-service.md)";
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

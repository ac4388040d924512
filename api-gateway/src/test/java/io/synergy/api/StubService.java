package io.synergy.api;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in for a service behind the gateway: answers its actuator health as told, and echoes any
 * other request — body bytes unchanged, with headers saying who served which path.
 */
final class StubService implements AutoCloseable {

    static final String SERVED_BY = "X-Served-By";
    static final String PATH = "X-Path";
    static final String HEADER_LENGTH = "Inference-Header-Content-Length";
    /** Says whether the request reached the stub with an Authorization or X-API-Key header. */
    static final java.time.Duration SLOW = java.time.Duration.ofMillis(2500);
    static final String SAW_CREDENTIALS = "X-Saw-Credentials";

    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final DisposableServer server;

    StubService(String name) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/actuator/health", (request, response) -> healthy.get()
                                ? response.status(200).header("Content-Type", "application/json").sendString(Mono.just("{\"status\":\"UP\"}"))
                                : response.status(503).header("Content-Type", "application/json").sendString(Mono.just("{\"status\":\"DOWN\"}")))
                        // a path naming "unavailable" answers 503, as the executor's ready endpoint before a plan
                        .route(request -> request.uri().contains("unavailable"), (request, response) -> response.status(503)
                                .header("Content-Type", "application/json").sendString(Mono.just("{\"ready\":false}")))
                        // a path naming "refuses" closes the connection unread, as Tomcat does after a 413
                        .route(request -> request.uri().contains("refuses"), (request, response) -> Mono.<Void>fromRunnable(
                                () -> request.withConnection(connection -> connection.dispose())))
                        .route(request -> true, (request, response) -> request.receive().aggregate().asByteArray()
                                .defaultIfEmpty(new byte[0])
                                // a path naming "slow" answers after SLOW, like a long inference
                                .delayElement(request.uri().contains("slow") ? SLOW : java.time.Duration.ZERO)
                                .flatMap(body -> {
                                    String headerLength = request.requestHeaders().get(HEADER_LENGTH);
                                    if (headerLength != null) {
                                        response.header(HEADER_LENGTH, headerLength);
                                    }
                                    boolean credentials = request.requestHeaders().contains("Authorization")
                                            || request.requestHeaders().contains("X-API-Key");
                                    return response.status(200).header(SERVED_BY, name).header(PATH, request.uri())
                                            .header(SAW_CREDENTIALS, Boolean.toString(credentials))
                                            .header("Content-Type", "application/octet-stream")
                                            .sendByteArray(Mono.just(body)).then();
                                })))
                .bindNow();
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    void healthy(boolean up) {
        healthy.set(up);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}

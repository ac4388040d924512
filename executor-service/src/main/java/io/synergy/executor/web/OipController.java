package io.synergy.executor.web;

import io.synergy.contracts.Identifier;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.executor.application.AmbiguousModelException;
import io.synergy.executor.application.InferenceException;
import io.synergy.executor.application.InferenceService;
import io.synergy.executor.application.InvalidInputException;
import io.synergy.executor.application.NotServableException;
import io.synergy.executor.application.Origin;
import io.synergy.executor.application.OverloadedException;
import io.synergy.executor.application.UnknownModelException;
import io.synergy.executor.config.ExecutorProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;

/**
 * The Open Inference Protocol v2 endpoints of the executor, and {@code POST /api/infer/{name}} (the
 * same inference under the project's REST prefix). {@code name} is an app id, or the model name of
 * exactly one deployed app. Errors answer {@code {"error": "..."}} naming the field and the limit.
 */
@RestController
public class OipController {

    /**
     * Optional client-chosen request id (an identifier of at most 64 characters): a repeat within the
     * idempotency window gets the first result instead of running again.
     */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Header of the binary tensor extension: bytes of the JSON part at the start of the body. */
    public static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private final InferenceService service;
    private final OipRequestReader reader;
    private final OipLimits limits;

    public OipController(InferenceService service, ExecutorProperties properties) {
        this.service = service;
        this.limits = properties.oipLimits();
        this.reader = new OipRequestReader(limits);
    }

    @GetMapping("/v2/health/live")
    public ResponseEntity<byte[]> live() {
        return json(HttpStatus.OK, OipResponses.live());
    }

    /** The executor is ready once it runs: it serves whatever apps the plan set places. */
    @GetMapping("/v2/health/ready")
    public ResponseEntity<byte[]> ready() {
        return json(HttpStatus.OK, OipResponses.ready(null, true));
    }

    @GetMapping("/v2/models/{name}")
    public ResponseEntity<byte[]> metadata(@PathVariable String name) {
        try {
            return json(HttpStatus.OK, OipResponses.metadata(name, service.describe(name)));
        } catch (InferenceException e) {
            return failure(e);
        }
    }

    /** 200 when the current plan set runs the app, else 503; both say {"ready": ...}. */
    @GetMapping("/v2/models/{name}/ready")
    public ResponseEntity<byte[]> modelReady(@PathVariable String name) {
        try {
            boolean ready = service.describe(name).ready();
            return json(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, OipResponses.ready(name, ready));
        } catch (InferenceException e) {
            return failure(e);
        }
    }

    @PostMapping("/v2/models/{name}/infer")
    public Mono<ResponseEntity<byte[]>> infer(@PathVariable String name, ServerHttpRequest request) {
        return body(request).map(body -> parse(body, request)).flatMap(oip -> run(name, oip, requestIdOf(request),
                        request.getHeaders().getFirst(IDEMPOTENCY_KEY) != null))
                .onErrorResume(OipFormatException.class, e -> Mono.just(error(HttpStatus.BAD_REQUEST, e.getMessage())))
                .onErrorResume(InferenceException.class, e -> Mono.just(failure(e)))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(error(HttpStatus.BAD_REQUEST,
                        "body: at most " + limits.maxRequestBytes() + " bytes")));
    }

    @PostMapping("/api/infer/{name}")
    public Mono<ResponseEntity<byte[]>> inferUnderApi(@PathVariable String name, ServerHttpRequest request) {
        return infer(name, request);
    }

    private Mono<byte[]> body(ServerHttpRequest request) {
        long declared = request.getHeaders().getContentLength();
        if (declared > limits.maxRequestBytes()) {
            return Mono.error(new OipFormatException("body: at most " + limits.maxRequestBytes() + " bytes, Content-Length says "
                    + declared));
        }
        return DataBufferUtils.join(request.getBody(), limits.maxRequestBytes()).map(buffer -> {
            try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                return bytes;
            } finally {
                DataBufferUtils.release(buffer);
            }
        }).defaultIfEmpty(new byte[0]);
    }

    private OipRequest parse(byte[] body, ServerHttpRequest request) {
        String length = request.getHeaders().getFirst(HEADER_LENGTH);
        Integer headerLength = null;
        if (length != null) {
            try {
                headerLength = Integer.valueOf(length.trim());
            } catch (NumberFormatException e) {
                throw new OipFormatException(HEADER_LENGTH + ": must be a decimal byte count, got '" + length + "'");
            }
        }
        return reader.read(body, headerLength);
    }

    /** The client's Idempotency-Key, else a fresh id that no other request shares. */
    private static String requestIdOf(ServerHttpRequest request) {
        String key = request.getHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null) {
            return "http-" + UUID.randomUUID();
        }
        try {
            return Identifier.require(IDEMPOTENCY_KEY, key);
        } catch (IllegalArgumentException e) {
            throw new OipFormatException(e.getMessage());
        }
    }

    /** @param repeatable the client chose the id (Idempotency-Key) and may send it again for the same answer */
    private Mono<ResponseEntity<byte[]>> run(String name, OipRequest oip, String requestId, boolean repeatable) {
        Duration timeout = oip.timeoutMillis() == 0 ? null : Duration.ofMillis(oip.timeoutMillis());
        return Mono.fromFuture(() -> service.infer(name, oip.input(), requestId, timeout, Origin.HTTP, repeatable), true)
                .map(outcome -> respond(name, oip, outcome));
    }

    private static ResponseEntity<byte[]> respond(String name, OipRequest oip, InferenceResultEvent outcome) {
        if (outcome instanceof InferenceFailed) {
            InferenceFailed failed = (InferenceFailed) outcome;
            HttpStatus status = switch (failed.code()) {
                case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
                case UNPLACED -> HttpStatus.SERVICE_UNAVAILABLE;
                case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
                default -> HttpStatus.BAD_GATEWAY;
            };
            return error(status, failed.message());
        }
        InferenceCompleted completed = (InferenceCompleted) outcome;
        byte[] header = OipResponses.inference(name, oip.id(), completed, oip.binaryOutput());
        if (!oip.binaryOutput()) {
            return json(HttpStatus.OK, header);
        }
        byte[] tensor = completed.output().toBytes();
        byte[] body = new byte[header.length + tensor.length];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(tensor, 0, body, header.length, tensor.length);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HEADER_LENGTH, Integer.toString(header.length)).body(body);
    }

    private static ResponseEntity<byte[]> failure(InferenceException e) {
        if (e instanceof OverloadedException) {
            long seconds = Math.max(1, (((OverloadedException) e).retryAfter().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(OipResponses.error(e.getMessage()));
        }
        return error(statusOf(e), e.getMessage());
    }

    private static HttpStatus statusOf(InferenceException e) {
        if (e instanceof UnknownModelException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof AmbiguousModelException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof NotServableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static ResponseEntity<byte[]> error(HttpStatus status, String message) {
        return json(status, OipResponses.error(message));
    }

    private static ResponseEntity<byte[]> json(HttpStatus status, byte[] body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}

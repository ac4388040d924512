package io.synergy.executor.application;

import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.tensor.WireTensor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one way in for requests of both origins: resolve the name, check the input, admit, dispatch.
 */
public final class InferenceService {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceService.class);

    private final ServingCatalog catalog;
    private final InFlightTracker tracker;
    private final InferenceExecutor executor;
    private final AnsweredRequests answered;
    private final ServingStats stats;
    private final AtomicLong kafkaAdmissionWaits = new AtomicLong();

    public InferenceService(ServingCatalog catalog, InFlightTracker tracker, InferenceExecutor executor,
                            AnsweredRequests answered, ServingStats stats) {
        this.catalog = catalog;
        this.tracker = tracker;
        this.executor = executor;
        this.answered = answered;
        this.stats = stats;
    }

    /** The app behind a name, its model's signature, and whether the current plan set runs it. */
    public record Description(ServedApp app, ModelSignature signature, boolean ready) {
    }

    /**
     * @throws UnknownModelException, AmbiguousModelException, NotServableException (model not registered)
     */
    public Description describe(String name) {
        ServedApp app = catalog.resolve(name);
        ModelSignature signature = catalog.signature(app);
        return new Description(app, signature, catalog.planOf(app.appId()).isPresent());
    }

    /**
     * Runs one inference; a repeated request id shares the first outcome (see {@link InFlightTracker}).
     *
     * @param timeout how long it may take in all; null for the default
     * @throws InferenceException when the request is not admitted
     */
    public CompletableFuture<InferenceResultEvent> infer(String name, WireTensor input, String requestId,
                                                         Duration timeout, Origin origin) {
        return infer(name, input, requestId, timeout, origin, origin == Origin.HTTP);
    }

    /** As above; {@code repeatable}: the client chose the id and may send it again (see {@link InferenceRequest}). */
    public CompletableFuture<InferenceResultEvent> infer(String name, WireTensor input, String requestId,
                                                         Duration timeout, Origin origin, boolean repeatable) {
        return admit(name, input, requestId, timeout, origin, repeatable).outcome();
    }

    private Admission admit(String name, WireTensor input, String requestId, Duration timeout, Origin origin,
                            boolean repeatable) {
        ServedApp app = catalog.resolve(name);
        WireTensor conformed = InputCheck.conform(input, catalog.signature(app), name);
        Instant admittedAt = stats.now();
        Admission admission = executor.admit(new InferenceRequest(requestId, app, conformed, timeout, origin, repeatable));
        if (!admission.isRepeat()) {
            admission.outcome().whenComplete((result, error) ->
                    stats.ended(app.appId(), admittedAt, result instanceof InferenceCompleted));
        }
        return admission;
    }

    /** Per app: results and failures so far, and the recent throughput and latency. */
    public List<ServingStats.AppStats> stats() {
        return stats.snapshot();
    }

    /** How far back {@link #stats()}' throughput and latency look. */
    public Duration statsWindow() {
        return stats.window();
    }

    /** Requests of the app in flight now. */
    public int inFlight(String appId) {
        return tracker.inFlight(appId);
    }

    /**
     * Runs a request from {@code synergy.inference.requests}. While its app is full the caller (the
     * consumer thread) waits, so consumption stops until there is room: a request is never refused
     * for load here. Each {@code patience} spent waiting is counted and logged. Every in-flight request
     * ends by its deadline (at most {@link InferenceRequest#MAX_TIMEOUT}), so the wait is bounded.
     * Its one outcome (the first completion, a refusal or the failure that ended it) goes to
     * {@code publish}. A request id already answered (delivered again after an executor died, or
     * repeated by the client within the idempotency window) or in flight here is not run or answered
     * again: its first outcome is, or will be, on the results topic under that id.
     *
     * @return completes once the request needs nothing more from this executor: its outcome is
     *         published, or it was a repeat; the caller commits the request's offset then
     */
    public CompletableFuture<Void> inferFromKafka(InferenceRequested request, Duration patience,
                                                  Consumer<InferenceResultEvent> publish) throws InterruptedException {
        if (answered.contains(request.requestId())) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            if (request.timeoutMillis() > InferenceRequest.MAX_TIMEOUT.toMillis()) {
                throw new InvalidInputException("timeoutMillis: at most " + InferenceRequest.MAX_TIMEOUT.toMillis()
                        + " (0 for the default), got " + request.timeoutMillis());
            }
            Duration timeout = request.timeoutMillis() == 0 ? null : Duration.ofMillis(request.timeoutMillis());
            ServedApp app = catalog.resolve(request.model());
            Admission admission = admitWhenRoom(request, app, timeout, patience);
            if (admission.isRepeat()) {
                // the first copy answers (or has answered) under this id: once per request id
                return CompletableFuture.completedFuture(null);
            }
            return admission.outcome().thenAccept(outcome -> answer(outcome, publish));
        } catch (InferenceException e) {
            answer(new InferenceFailed(request.requestId(), request.model(), codeOf(e), e.getMessage()), publish);
            return CompletableFuture.completedFuture(null);
        }
    }

    private void answer(InferenceResultEvent outcome, Consumer<InferenceResultEvent> publish) {
        publish.accept(outcome);
        answered.answered(outcome.requestId());
    }

    private Admission admitWhenRoom(InferenceRequested request, ServedApp app, Duration timeout, Duration patience)
            throws InterruptedException {
        while (true) {
            if (tracker.repeatOf(request.requestId()).isEmpty()) {
                while (!tracker.awaitCapacity(app.appId(), patience)) {
                    kafkaAdmissionWaits.incrementAndGet();
                    LOG.info("requests: app {} still has its limit of requests in flight after {} ms; consumption stays paused",
                            app.appId(), patience.toMillis());
                }
            }
            try {
                return admit(request.model(), request.input(), request.requestId(), timeout, Origin.KAFKA, false);
            } catch (OverloadedException e) {
                // an HTTP request took the room first: wait again
                kafkaAdmissionWaits.incrementAndGet();
            }
        }
    }

    /** How often a Kafka request found its app full (per patience spent waiting, or lost a race for room). */
    public long kafkaAdmissionWaits() {
        return kafkaAdmissionWaits.get();
    }

    /** The contract's failure code of a refusal. */
    public static FailureCode codeOf(InferenceException e) {
        if (e instanceof UnknownModelException || e instanceof AmbiguousModelException) {
            return FailureCode.UNKNOWN_MODEL;
        }
        if (e instanceof InvalidInputException) {
            return FailureCode.INVALID_INPUT;
        }
        if (e instanceof OverloadedException) {
            return FailureCode.OVERLOADED;
        }
        if (e instanceof NotServableException) {
            return FailureCode.UNPLACED;
        }
        return FailureCode.INTERNAL;
    }
}

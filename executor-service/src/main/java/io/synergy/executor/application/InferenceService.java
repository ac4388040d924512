package io.synergy.executor.application;

import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.tensor.WireTensor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way in for requests of both origins: resolve the name, check the input, admit, dispatch.
 */
public final class InferenceService {

    private final ServingCatalog catalog;
    private final InFlightTracker tracker;
    private final InferenceExecutor executor;
    private final ServingStats stats;

    public InferenceService(ServingCatalog catalog, InFlightTracker tracker, InferenceExecutor executor, ServingStats stats) {
        this.catalog = catalog;
        this.tracker = tracker;
        this.executor = executor;
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
     * Runs one inference.
     *
     * @param timeout how long it may take in all; null for the default
     * @throws InferenceException when the request is not admitted
     */
    public CompletableFuture<InferenceResultEvent> infer(String name, WireTensor input, String requestId,
                                                         Duration timeout, Origin origin) {
        ServedApp app = catalog.resolve(name);
        WireTensor conformed = InputCheck.conform(input, catalog.signature(app), name);
        Instant admitted = stats.now();
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(new InferenceRequest(requestId, app, conformed, timeout, origin));
        outcome.whenComplete((result, error) -> stats.ended(app.appId(), admitted, result instanceof InferenceCompleted));
        return outcome;
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
     * Runs a request from {@code synergy.inference.requests}. While its app is full it waits up to
     * {@code patience} (the caller is the consumer thread, so consumption pauses meanwhile). A request
     * that is refused or fails is answered through {@code publish}; a completed one needs nothing
     * more, as the last stage's gateway writes its {@code InferenceCompleted} to the results topic.
     * A request id already in flight is ignored: it is answered once.
     */
    public void inferFromKafka(InferenceRequested request, Duration patience, Consumer<InferenceFailed> publish)
            throws InterruptedException {
        Duration timeout = request.timeoutMillis() == 0 ? null : Duration.ofMillis(request.timeoutMillis());
        try {
            ServedApp app = catalog.resolve(request.model());
            if (!tracker.awaitCapacity(app.appId(), patience)) {
                throw new OverloadedException("app " + app.appId() + ": still at its limit of requests in flight after waiting "
                        + patience.toMillis() + " ms", patience);
            }
            infer(request.model(), request.input(), request.requestId(), timeout, Origin.KAFKA)
                    .thenAccept(outcome -> {
                        if (outcome instanceof InferenceFailed) {
                            publish.accept((InferenceFailed) outcome);
                        }
                    });
        } catch (DuplicateRequestException e) {
            // answered once, by the copy already in flight
        } catch (InferenceException e) {
            publish.accept(new InferenceFailed(request.requestId(), request.model(), codeOf(e), e.getMessage()));
        }
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

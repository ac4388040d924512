package io.synergy.executor.application;

import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.tensor.WireTensor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way in for requests of both origins: resolve the name, check the input, admit, dispatch.
 */
public final class InferenceService {

    private final ServingCatalog catalog;
    private final InFlightTracker tracker;
    private final InferenceExecutor executor;
    private final AnsweredRequests answered;

    public InferenceService(ServingCatalog catalog, InFlightTracker tracker, InferenceExecutor executor,
                            AnsweredRequests answered) {
        this.catalog = catalog;
        this.tracker = tracker;
        this.executor = executor;
        this.answered = answered;
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
        return executor.submit(new InferenceRequest(requestId, app, conformed, timeout, origin));
    }

    /**
     * Runs a request from {@code synergy.inference.requests}. While its app is full it waits up to
     * {@code patience} (the caller is the consumer thread, so consumption pauses meanwhile). Its one
     * outcome (the first completion, a refusal or the failure that ended it) goes to {@code publish};
     * a request already answered (delivered again after an executor died) or in flight here is not
     * answered again.
     *
     * @return completes once the request needs nothing more from this executor: its outcome is
     *         published, or it was a repeat; the caller commits the request's offset then
     */
    public CompletableFuture<Void> inferFromKafka(InferenceRequested request, Duration patience,
                                                  Consumer<InferenceResultEvent> publish) throws InterruptedException {
        if (answered.contains(request.requestId())) {
            return CompletableFuture.completedFuture(null);
        }
        Duration timeout = request.timeoutMillis() == 0 ? null : Duration.ofMillis(request.timeoutMillis());
        try {
            ServedApp app = catalog.resolve(request.model());
            if (!tracker.awaitCapacity(app.appId(), patience)) {
                throw new OverloadedException("app " + app.appId() + ": still at its limit of requests in flight after waiting "
                        + patience.toMillis() + " ms", patience);
            }
            return infer(request.model(), request.input(), request.requestId(), timeout, Origin.KAFKA)
                    .thenAccept(outcome -> answer(outcome, publish));
        } catch (DuplicateRequestException e) {
            // answered once, by the copy already in flight
            return CompletableFuture.completedFuture(null);
        } catch (InferenceException e) {
            answer(new InferenceFailed(request.requestId(), request.model(), codeOf(e), e.getMessage()), publish);
            return CompletableFuture.completedFuture(null);
        }
    }

    private void answer(InferenceResultEvent outcome, Consumer<InferenceResultEvent> publish) {
        publish.accept(outcome);
        answered.answered(outcome.requestId());
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

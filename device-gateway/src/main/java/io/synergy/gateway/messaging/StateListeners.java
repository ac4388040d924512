package io.synergy.gateway.messaging;

import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.model.ModelRemoved;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.gateway.application.ModelCatalog;
import io.synergy.gateway.application.SegmentLoader;
import org.springframework.messaging.Message;

import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The readers of the compacted state topics {@code synergy.models} and {@code synergy.plans}, both
 * read from the earliest offset at start so the gateway rebuilds its models and current plan.
 * Tombstones (no byte[] payload) carry nothing the events before them did not say.
 */
public final class StateListeners {

    private static final Logger LOG = Logger.getLogger(StateListeners.class.getName());
    private static final EventCodec<ModelEvent> MODELS = EventCodec.of(ModelEvent.class);
    private static final EventCodec<PlanEvent> PLANS = EventCodec.of(PlanEvent.class);

    private final ModelCatalog catalog;
    private final SegmentLoader loader;

    public StateListeners(ModelCatalog catalog, SegmentLoader loader) {
        this.catalog = catalog;
        this.loader = loader;
    }

    public Consumer<Message<?>> models() {
        return message -> {
            if (!(message.getPayload() instanceof byte[])) {
                return;
            }
            try {
                ModelEvent event = MODELS.decode((byte[]) message.getPayload()).event();
                if (event instanceof ModelRegistered) {
                    ModelRegistered registered = (ModelRegistered) event;
                    catalog.register(registered.modelName(), registered.modelPackage().content());
                } else if (event instanceof ModelRemoved) {
                    catalog.remove(event.modelName());
                }
            } catch (RuntimeException e) {
                LOG.warning("synergy.models record skipped: " + e.getMessage());
                return;
            }
            loader.modelsChanged();
        };
    }

    public Consumer<Message<?>> plans() {
        return message -> {
            if (!(message.getPayload() instanceof byte[])) {
                return;
            }
            PlanEvent event;
            try {
                event = PLANS.decode((byte[]) message.getPayload()).event();
            } catch (RuntimeException e) {
                LOG.warning("synergy.plans record skipped: " + e.getMessage());
                return;
            }
            if (event instanceof PlanSetPublished) {
                loader.planPublished((PlanSetPublished) event);
            }
        };
    }
}

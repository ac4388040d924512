package io.synergy.registry.application;

import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.model.ModelRemoved;
import io.synergy.core.network.Model;
import io.synergy.core.network.pack.ModelPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The registered models, folded from {@code synergy.models}. */
public final class ModelCatalog implements StateFold<ModelEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);

    private final Map<String, StoredModel> models = new ConcurrentHashMap<>();

    @Override
    public void apply(ModelEvent event, Instant time) {
        if (event instanceof ModelRegistered) {
            ModelRegistered registered = (ModelRegistered) event;
            Model model;
            try {
                model = ModelPackage.read(registered.modelPackage().content());
            } catch (IllegalArgumentException e) {
                // the registry validated it before writing; anything else on the topic is someone else's mistake
                LOG.warn("synergy.models: model {} has an unreadable package, ignored: {}", registered.modelName(),
                        e.getMessage());
                return;
            }
            models.put(registered.modelName(), new StoredModel(registered.modelName(), registered.description(),
                    registered.modelPackage(), model));
        } else if (event instanceof ModelRemoved) {
            models.remove(event.modelName());
        }
    }

    @Override
    public void forget(String key) {
        models.remove(key);
    }

    public Optional<StoredModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public boolean contains(String name) {
        return models.containsKey(name);
    }

    /** By name. */
    public List<StoredModel> all() {
        return models.values().stream().sorted(Comparator.comparing(StoredModel::name)).toList();
    }
}

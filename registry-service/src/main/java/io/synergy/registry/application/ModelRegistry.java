package io.synergy.registry.application;

import io.synergy.contracts.model.ModelEvent;
import io.synergy.contracts.model.ModelPackage;
import io.synergy.contracts.model.ModelRegistered;
import io.synergy.contracts.model.ModelRemoved;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Model;
import io.synergy.core.zoo.UnknownZooModelException;
import io.synergy.core.zoo.Zoo;

import java.util.List;

/** Registers, describes and removes models; writes go through {@code synergy.models}. */
public final class ModelRegistry {

    /** The {@link ModelPackage#format()} of a Synergy model package, major version 1 (docs/model-package.md). */
    public static final String PACKAGE_FORMAT = "synergy-model/" + io.synergy.core.network.pack.ModelPackage.MAJOR_VERSION;

    private static final int MAX_DESCRIPTION_CHARS = 1024;

    private final ModelCatalog catalog;
    private final AppCatalog apps;
    private final StateWriter<ModelEvent> writer;
    private final ModelImport modelImport;
    private final SegmentCostModel costs;

    public ModelRegistry(ModelCatalog catalog, AppCatalog apps, StateWriter<ModelEvent> writer, ModelImport modelImport,
                         SegmentCostModel costs) {
        this.catalog = catalog;
        this.apps = apps;
        this.writer = writer;
        this.modelImport = modelImport;
        this.costs = costs;
    }

    /** Registers (or replaces) a validated model under {@code name}; returns once it can be read back. */
    public ModelSummary register(String name, String description, Model model) {
        if (description != null && description.length() > MAX_DESCRIPTION_CHARS) {
            throw new InvalidInputException(ModelImport.TOO_LARGE, "description", MAX_DESCRIPTION_CHARS + " characters",
                    "description: " + description.length() + " characters exceeds the limit of "
                            + MAX_DESCRIPTION_CHARS);
        }
        byte[] content = modelImport.packageOf(model);
        writer.write(new ModelRegistered(name, description, ModelPackage.of(PACKAGE_FORMAT, content)));
        return summary(name);
    }

    /**
     * Registers a model of the zoo under its zoo name (the paper's evaluation models, with generated
     * weights; see docs/zoo.md).
     *
     * @throws NotFoundException listing the zoo names when there is no such model
     */
    public ModelSummary registerZoo(String zooName) {
        Model model;
        try {
            model = Zoo.model(zooName);
        } catch (UnknownZooModelException e) {
            throw new NotFoundException("unknown-zoo-model", e.getMessage());
        }
        return register(zooName, "zoo model " + zooName, model);
    }

    /** The names {@link #registerZoo} takes. */
    public List<String> zooNames() {
        return Zoo.names();
    }

    public ModelSummary summary(String name) {
        return ModelSummary.of(stored(name), costs);
    }

    public List<ModelSummary> summaries() {
        return catalog.all().stream().map(stored -> ModelSummary.of(stored, costs)).toList();
    }

    public StoredModel stored(String name) {
        return catalog.find(name).orElseThrow(() -> new NotFoundException("unknown-model",
                "model '" + name + "' is not registered"));
    }

    /**
     * Removes a model that no app uses.
     *
     * @throws ConflictException naming the apps that still use it
     */
    public void remove(String name) {
        stored(name);
        List<String> users = apps.appsUsing(name);
        if (!users.isEmpty()) {
            throw new ConflictException("model-in-use", "model '" + name + "' is used by apps " + users
                    + "; delete them first");
        }
        writer.remove(new ModelRemoved(name));
    }
}

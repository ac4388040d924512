package io.synergy.registry.application;

import io.synergy.contracts.Identifier;
import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.app.AppUndeployed;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Validates, deploys and removes apps; writes go through {@code synergy.apps}. */
public final class AppRegistry {

    /** No fleet of tiny devices runs one app faster than this; a larger figure is a typo. */
    public static final double MAX_WANTED_RATE_PER_SECOND = 1_000_000;

    private final AppCatalog catalog;
    private final ModelCatalog models;
    private final DeviceRegistry devices;
    private final Set<String> knownCapabilities;
    private final StateWriter<AppEvent> writer;

    /**
     * @param knownCapabilities the capabilities an app may name besides those of live devices (lower case)
     */
    public AppRegistry(AppCatalog catalog, ModelCatalog models, DeviceRegistry devices, Set<String> knownCapabilities,
                       StateWriter<AppEvent> writer) {
        this.catalog = catalog;
        this.models = models;
        this.devices = devices;
        this.knownCapabilities = Set.copyOf(knownCapabilities);
        this.writer = writer;
    }

    /** Validates the request against the registry's state; the event to write. Stores nothing. */
    public AppDeployed validate(AppRequest request) {
        if (request == null) {
            throw new InvalidInputException("invalid-app", "body", "body: a JSON object with id, model, source and target");
        }
        String id = requireId("id", request.id());
        String model = requireId("model", request.model());
        if (!models.contains(model)) {
            throw new InvalidInputException("unknown-model", "model", "model: '" + model
                    + "' is not registered; register it with POST /api/models first");
        }
        String source = requireCapability("source", request.source());
        String target = requireCapability("target", request.target());
        double rate = request.wantedRatePerSecond() == null ? 0 : request.wantedRatePerSecond();
        if (!(rate >= 0 && rate <= MAX_WANTED_RATE_PER_SECOND)) {
            throw new InvalidInputException("invalid-app", "wantedRatePerSecond", "0 to " + MAX_WANTED_RATE_PER_SECOND,
                    "wantedRatePerSecond: must be in 0 to " + MAX_WANTED_RATE_PER_SECOND + " inferences per second, got "
                            + rate);
        }
        return new AppDeployed(id, model, source, target, rate);
    }

    /** Deploys (or redeploys) an app; returns once it can be read back. */
    public AppDeployed deploy(AppRequest request) {
        AppDeployed app = validate(request);
        writer.write(app);
        return app;
    }

    public AppDeployed find(String id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("unknown-app", "app '" + id + "' is not deployed"));
    }

    public List<AppDeployed> all() {
        return catalog.all();
    }

    public void undeploy(String id) {
        find(id);
        writer.remove(new AppUndeployed(id));
    }

    /** The configured capabilities and those of every live device. */
    public Set<String> capabilities() {
        Set<String> all = new TreeSet<>(knownCapabilities);
        all.addAll(devices.capabilities());
        return all;
    }

    private String requireCapability(String field, String value) {
        String capability = requireId(field, value == null ? null : value.toLowerCase(Locale.ROOT));
        Set<String> known = capabilities();
        if (!known.contains(capability)) {
            throw new InvalidInputException("unknown-capability", field, field + ": capability '" + capability
                    + "' is not known; known: " + known);
        }
        return capability;
    }

    private static String requireId(String field, String value) {
        try {
            return Identifier.require(field, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-app", field, Identifier.MAX_LENGTH + " characters of [A-Za-z0-9._-]",
                    e.getMessage());
        }
    }
}

package io.synergy.registry.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppEvent;
import io.synergy.contracts.app.AppUndeployed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The deployed apps, folded from {@code synergy.apps}. */
public final class AppCatalog implements StateFold<AppEvent> {

    private final Map<String, AppDeployed> apps = new ConcurrentHashMap<>();

    @Override
    public void apply(AppEvent event, Instant time) {
        if (event instanceof AppDeployed) {
            apps.put(event.appId(), (AppDeployed) event);
        } else if (event instanceof AppUndeployed) {
            apps.remove(event.appId());
        }
    }

    @Override
    public void forget(String key) {
        apps.remove(key);
    }

    public Optional<AppDeployed> find(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    /** By app id. */
    public List<AppDeployed> all() {
        return apps.values().stream().sorted(Comparator.comparing(AppDeployed::appId)).toList();
    }

    /** The apps that run this model, by app id. */
    public List<String> appsUsing(String modelName) {
        return apps.values().stream().filter(app -> app.modelName().equals(modelName)).map(AppDeployed::appId)
                .sorted().toList();
    }
}

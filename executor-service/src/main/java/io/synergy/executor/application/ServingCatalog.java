package io.synergy.executor.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.UnplacedApp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor's read model of the state topics: deployed apps ({@code synergy.apps}), the
 * signatures of registered models ({@code synergy.models}) and the latest plan set
 * ({@code synergy.plans}). Thread-safe: the consumers write, request threads read.
 */
public final class ServingCatalog {

    private final Map<String, AppDeployed> apps = new ConcurrentHashMap<>();
    private final Map<String, ModelSignature> models = new ConcurrentHashMap<>();
    private volatile PlanSetPublished planSet;

    public void appDeployed(AppDeployed app) {
        apps.put(app.appId(), app);
    }

    public void appUndeployed(String appId) {
        apps.remove(appId);
    }

    public void modelRegistered(String modelName, ModelSignature signature) {
        models.put(modelName, signature);
    }

    public void modelRemoved(String modelName) {
        models.remove(modelName);
    }

    /**
     * Keeps a plan set unless an equal or newer epoch is already held (a replayed or reordered record
     * never moves the epoch back).
     *
     * @return true when {@code published} became the current plan set
     */
    public synchronized boolean planSetPublished(PlanSetPublished published) {
        if (planSet != null && planSet.epoch() >= published.epoch()) {
            return false;
        }
        planSet = published;
        return true;
    }

    public Optional<PlanSetPublished> planSet() {
        return Optional.ofNullable(planSet);
    }

    /**
     * The app a client means by {@code name}: an app id, else the model name of exactly one deployed app.
     *
     * @throws UnknownModelException   when no app has that id or serves that model
     * @throws AmbiguousModelException when several apps serve that model, naming them
     */
    public ServedApp resolve(String name) {
        AppDeployed byId = apps.get(name);
        if (byId != null) {
            return new ServedApp(byId.appId(), byId.modelName());
        }
        List<String> serving = apps.values().stream().filter(app -> app.modelName().equals(name))
                .map(AppDeployed::appId).sorted().toList();
        if (serving.size() == 1) {
            return new ServedApp(serving.get(0), name);
        }
        if (serving.isEmpty()) {
            throw new UnknownModelException("model: no app is deployed as or serves '" + name + "'; served: "
                    + served());
        }
        throw new AmbiguousModelException("model: '" + name + "' is served by " + serving.size() + " apps " + serving
                + "; name one of them instead");
    }

    /** Model and app names a client can use, for error messages: app id (model). */
    private String served() {
        Map<String, String> sorted = new TreeMap<>();
        apps.values().forEach(app -> sorted.put(app.appId(), app.modelName()));
        if (sorted.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        sorted.forEach((app, model) -> text.append(text.length() == 0 ? "" : ", ").append(app).append(" (").append(model).append(')'));
        return text.toString();
    }

    /**
     * The signature of the app's model.
     *
     * @throws NotServableException when the model is not registered (yet)
     */
    public ModelSignature signature(ServedApp app) {
        ModelSignature signature = models.get(app.modelName());
        if (signature == null) {
            throw new NotServableException("model: app " + app.appId() + " runs model " + app.modelName()
                    + ", which is not registered");
        }
        return signature;
    }

    /** The app's plan in the current plan set, if it has one. */
    public Optional<AppPlan> planOf(String appId) {
        PlanSetPublished current = planSet;
        return current == null ? Optional.empty() : planIn(current, appId);
    }

    /** The app's plan in a given plan set. */
    public static Optional<AppPlan> planIn(PlanSetPublished planSet, String appId) {
        return planSet.plans().stream().filter(plan -> plan.appId().equals(appId)).findFirst();
    }

    /** Why the app has no plan, in words. */
    public String whyUnplaced(String appId) {
        PlanSetPublished current = planSet;
        if (current == null) {
            return "no plan set has been published yet";
        }
        return current.unplaced().stream().filter(app -> app.appId().equals(appId)).map(UnplacedApp::reason)
                .findFirst().map(reason -> "plan epoch " + current.epoch() + " leaves app " + appId + " unplaced: " + reason)
                .orElse("plan epoch " + current.epoch() + " has no plan for app " + appId);
    }
}

package io.synergy.gateway.application;

import io.synergy.core.network.Model;
import io.synergy.core.network.pack.ModelPackage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models this gateway has seen on {@code synergy.models}: every package's bytes by model name,
 * and the decoded {@link Model}s of the most recently used ones in a bounded LRU cache (a decoded
 * model holds its weights as objects; a package is one array). Decoding is deterministic, so an
 * evicted model decodes again to an equal one. Thread-safe.
 */
public final class ModelCatalog {

    private final Map<String, byte[]> packages = new HashMap<>();
    private final Map<String, Model> decoded;

    /** @param decodedEntries how many decoded models to keep, >= 1 */
    public ModelCatalog(int decodedEntries) {
        if (decodedEntries < 1) {
            throw new IllegalArgumentException("model-cache-entries: must be >= 1, got " + decodedEntries);
        }
        this.decoded = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Model> eldest) {
                return size() > decodedEntries;
            }
        };
    }

    /**
     * Registers (or replaces) a model by the bytes of its package; decodes it once here so a broken
     * package is refused at once rather than when a plan needs it.
     *
     * @throws IllegalArgumentException (or the package reader's exception) when the bytes do not read
     */
    public synchronized Model register(String modelName, byte[] packageBytes) {
        Model model = ModelPackage.read(packageBytes);
        packages.put(modelName, packageBytes.clone());
        decoded.put(modelName, model);
        return model;
    }

    public synchronized void remove(String modelName) {
        packages.remove(modelName);
        decoded.remove(modelName);
    }

    /** The decoded model, decoding the stored package again if it was evicted. */
    public synchronized Optional<Model> model(String modelName) {
        Model model = decoded.get(modelName);
        if (model != null) {
            return Optional.of(model);
        }
        byte[] bytes = packages.get(modelName);
        if (bytes == null) {
            return Optional.empty();
        }
        model = ModelPackage.read(bytes);
        decoded.put(modelName, model);
        return Optional.of(model);
    }

    public synchronized Set<String> names() {
        return Set.copyOf(packages.keySet());
    }

    /** Decoded models currently cached (at most the configured number). */
    public synchronized int decodedCount() {
        return decoded.size();
    }
}

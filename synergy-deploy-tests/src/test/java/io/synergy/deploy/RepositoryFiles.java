package io.synergy.deploy;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The repository's files as the deployment tests read them: paths from its root, YAML as maps and lists. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository's root (set by the build; the module's parent folder when run from an IDE). */
    static Path root() {
        return Path.of(System.getProperty("synergy.repository", "..")).toAbsolutePath().normalize();
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** A YAML file with one document, as a map. */
    static Map<String, Object> yaml(Path file) {
        try {
            return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file, StandardCharsets.UTF_8)),
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every non-empty document of a multi-document YAML text, as maps. */
    static List<Map<String, Object>> documents(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            if (document != null) {
                documents.add(map(document, "a rendered document"));
            }
        }
        return documents;
    }

    /** The value at a dotted path of nested maps ({@code a.b.c}), or null where a step is missing. */
    static Object at(Map<String, Object> root, String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map)) {
            throw new AssertionError(what + ": expected a mapping, got " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String what) {
        if (!(node instanceof List)) {
            throw new AssertionError(what + ": expected a sequence, got " + node);
        }
        return (List<Object>) node;
    }
}

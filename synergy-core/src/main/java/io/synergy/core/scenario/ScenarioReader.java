package io.synergy.core.scenario;

import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;
import io.synergy.core.topology.LinkPreset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads scenario files (format in {@code docs/scenarios.md}). Every error is a {@link ScenarioException}
 * with one line naming the field ({@code devices[2].link.bandwidthKbps: ...}) or, for malformed YAML, the
 * line and column.
 */
public final class ScenarioReader {

    /** Largest scenario file read, in characters. */
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    public Scenario read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_CHARS) {
                throw new ScenarioException(file + ": larger than " + MAX_CHARS + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
        String fallback = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            return read(text, fallback);
        } catch (ScenarioException e) {
            throw new ScenarioException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a scenario from text; {@code fallbackName} names it when the text has no {@code name}. */
    public Scenario read(String text, String fallbackName) {
        Object root;
        try {
            LoadSettings settings = LoadSettings.builder().setCodePointLimit(MAX_CHARS).setAllowDuplicateKeys(false)
                    .build();
            root = new Load(settings).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            throw new ScenarioException("malformed YAML" + where + ": " + firstLine(e.getProblem()), e);
        } catch (YamlEngineException e) {
            throw new ScenarioException("malformed YAML: " + firstLine(e.getMessage()), e);
        }
        Map<String, Object> top = map(root, "scenario");
        String name = top.containsKey("name") ? string(top.get("name"), "name") : fallbackName;
        String description = top.containsKey("description") ? string(top.get("description"), "description") : "";
        List<Device> devices = new ArrayList<>();
        List<Object> deviceList = list(required(top, "devices", ""), "devices");
        for (int i = 0; i < deviceList.size(); i++) {
            devices.add(device(map(deviceList.get(i), "devices[" + i + "]"), "devices[" + i + "]"));
        }
        List<AppSpec> apps = new ArrayList<>();
        List<Object> appList = list(required(top, "apps", ""), "apps");
        for (int i = 0; i < appList.size(); i++) {
            apps.add(app(map(appList.get(i), "apps[" + i + "]"), "apps[" + i + "]"));
        }
        return new Scenario(name, description, devices, apps);
    }

    private static Device device(Map<String, Object> m, String at) {
        known(m, at, Set.of("id", "type", "capabilities", "link", "battery"));
        String id = string(required(m, "id", at), at + ".id");
        String type = string(required(m, "type", at), at + ".type");
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (m.containsKey("capabilities")) {
            List<Object> caps = list(m.get("capabilities"), at + ".capabilities");
            for (int i = 0; i < caps.size(); i++) {
                capabilities.add(capability(caps.get(i), at + ".capabilities[" + i + "]"));
            }
        }
        Link link = link(required(m, "link", at), at + ".link");
        double battery = m.containsKey("battery") ? number(m.get("battery"), at + ".battery") : 1.0;
        if (!(battery >= 0 && battery <= 1)) {
            throw new ScenarioException(at + ".battery: must be in [0, 1], got " + battery);
        }
        return guard(at, () -> new Device(id, type, capabilities, link, battery));
    }

    private static Link link(Object value, String at) {
        if (value instanceof String s) {
            try {
                return LinkPreset.named(s).link();
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(at + ": " + e.getMessage());
            }
        }
        Map<String, Object> m = map(value, at);
        known(m, at, Set.of("bandwidthKbps", "latencyMs"));
        double bandwidth = number(required(m, "bandwidthKbps", at), at + ".bandwidthKbps");
        double latency = number(required(m, "latencyMs", at), at + ".latencyMs");
        if (!(bandwidth > 0)) {
            throw new ScenarioException(at + ".bandwidthKbps: must be > 0, got " + bandwidth);
        }
        if (!(latency >= 0)) {
            throw new ScenarioException(at + ".latencyMs: must be >= 0, got " + latency);
        }
        return new Link(bandwidth, latency);
    }

    private static AppSpec app(Map<String, Object> m, String at) {
        known(m, at, Set.of("id", "model", "source", "target", "weight", "rate"));
        String id = string(required(m, "id", at), at + ".id");
        String model = string(required(m, "model", at), at + ".model");
        Capability source = capability(required(m, "source", at), at + ".source");
        Capability target = capability(required(m, "target", at), at + ".target");
        if (m.containsKey("weight") && m.containsKey("rate")) {
            throw new ScenarioException(at + ": give weight or rate, not both");
        }
        double weight = 1.0;
        if (m.containsKey("weight")) {
            weight = number(m.get("weight"), at + ".weight");
        } else if (m.containsKey("rate")) {
            weight = number(m.get("rate"), at + ".rate");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new ScenarioException(at + (m.containsKey("rate") ? ".rate" : ".weight")
                    + ": must be a finite number > 0, got " + weight);
        }
        return new AppSpec(id, model, source, target, weight, m.containsKey("rate") ? weight : 0);
    }

    private static Capability capability(Object value, String at) {
        try {
            return Capability.named(string(value, at));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at + ": " + e.getMessage());
        }
    }

    private static <T> T guard(String at, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at + ": " + e.getMessage());
        }
    }

    private static void known(Map<String, Object> m, String at, Set<String> fields) {
        for (String key : m.keySet()) {
            if (!fields.contains(key)) {
                throw new ScenarioException((at.isEmpty() ? "" : at + ".") + key + ": unknown field; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
    }

    private static Object required(Map<String, Object> m, String key, String at) {
        Object v = m.get(key);
        if (v == null) {
            throw new ScenarioException((at.isEmpty() ? "" : at + ".") + key + ": missing");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String at) {
        if (value instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw new ScenarioException(at + ": keys must be text, got " + k);
                }
            }
            return (Map<String, Object>) m;
        }
        throw new ScenarioException(at + ": expected a mapping, got " + describe(value));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String at) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ScenarioException(at + ": expected a list, got " + describe(value));
    }

    private static String string(Object value, String at) {
        if (value instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new ScenarioException(at + ": expected text, got " + describe(value));
    }

    private static double number(Object value, String at) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new ScenarioException(at + ": expected a number, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s).trim();
    }
}

package io.synergy.core.scenario;

import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;
import io.synergy.core.topology.LinkPreset;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a scenario in the file format {@link ScenarioReader} reads (links as preset names where they are one). */
public final class ScenarioWriter {

    public String write(Scenario s) {
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(s.name()).append('\n');
        if (!s.description().isEmpty()) {
            y.append("description: \"").append(s.description().replace("\"", "'")).append("\"\n");
        }
        y.append("devices:\n");
        for (Device d : s.devices()) {
            y.append("  - id: ").append(d.id()).append('\n');
            y.append("    type: ").append(d.type()).append('\n');
            y.append("    capabilities: [").append(d.capabilities().stream().sorted().map(Capability::id)
                    .collect(Collectors.joining(", "))).append("]\n");
            y.append("    link: ").append(link(d.link())).append('\n');
            if (d.battery() != 1.0) {
                y.append("    battery: ").append(d.battery()).append('\n');
            }
        }
        y.append("apps:\n");
        for (AppSpec a : s.apps()) {
            y.append("  - id: ").append(a.id()).append('\n');
            y.append("    model: ").append(a.model()).append('\n');
            y.append("    source: ").append(a.source().id()).append('\n');
            y.append("    target: ").append(a.target().id()).append('\n');
            if (a.wantedRate() > 0) {
                y.append("    rate: ").append(a.wantedRate()).append('\n');
            } else if (a.weight() != 1.0) {
                y.append("    weight: ").append(a.weight()).append('\n');
            }
        }
        return y.toString();
    }

    private static String link(Link link) {
        for (LinkPreset p : LinkPreset.values()) {
            if (p.link().equals(link)) {
                return p.id();
            }
        }
        return String.format(Locale.ROOT, "{bandwidthKbps: %s, latencyMs: %s}", link.bandwidthKbps(),
                link.latencyMillis());
    }
}

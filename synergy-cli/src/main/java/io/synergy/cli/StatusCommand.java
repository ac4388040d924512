package io.synergy.cli;

import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import io.synergy.cli.stack.StackSettings;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code synergy status}: each component's process and health. Exit code 0 only when all are healthy. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the local stack's processes and health.")
final class StatusCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--json", description = "One JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        StackLauncher launcher = stack.launcher();
        StackSettings settings = StackSettings.read(launcher.home().settingsFile());
        Map<String, Object> components = new LinkedHashMap<>();
        boolean allHealthy = true;
        for (StackComponent component : StackComponent.values()) {
            Optional<ProcessHandle> process = launcher.home().process(component);
            boolean healthy = process.isPresent() && launcher.isReady(component, settings);
            String address = component == StackComponent.BROKER ? settings.bootstrapServers() : settings.url(component);
            allHealthy &= healthy;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pid", process.map(ProcessHandle::pid).orElse(null));
            entry.put("running", process.isPresent());
            entry.put("healthy", healthy);
            entry.put("address", address);
            components.put(component.module(), entry);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("healthy", allHealthy);
            report.put("components", components);
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            components.forEach((name, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) value;
                out.printf("%-18s %-8s %-8s pid %-8s %s%n", name,
                        Boolean.TRUE.equals(entry.get("running")) ? "running" : "stopped",
                        Boolean.TRUE.equals(entry.get("healthy")) ? "healthy" : "-",
                        entry.get("pid") == null ? "-" : entry.get("pid"), entry.get("address"));
            });
        }
        out.flush();
        return allHealthy ? 0 : 1;
    }
}

package io.synergy.cli;

import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/** {@code synergy down}: stops, by process id, everything {@code up} started, services before the broker. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop everything bin/synergy up started.")
final class DownCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--json", description = "Print {\"stopped\": [modules]} as one JSON object.")
    private boolean json;

    @Override
    public void run() {
        StackLauncher launcher = stack.launcher();
        PrintWriter out = spec.commandLine().getOut();
        List<StackComponent> order = new ArrayList<>(List.of(StackComponent.values()));
        Collections.reverse(order);
        List<String> stopped = new ArrayList<>();
        for (StackComponent component : order) {
            if (launcher.stop(component)) {
                if (!json) {
                    out.println("stopped " + component.module());
                }
                stopped.add(component.module());
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(Map.of("stopped", stopped)));
        } else {
            out.println(stopped.isEmpty() ? "nothing was running" : "Synergy is down");
        }
        out.flush();
    }
}

package io.synergy.cli;

import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code synergy down}: stops, by process id, everything {@code up} started, services before the broker. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop everything bin/synergy up started.")
final class DownCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Override
    public void run() {
        StackLauncher launcher = stack.launcher();
        PrintWriter out = spec.commandLine().getOut();
        List<StackComponent> order = new ArrayList<>(List.of(StackComponent.values()));
        Collections.reverse(order);
        int stopped = 0;
        for (StackComponent component : order) {
            if (launcher.stop(component)) {
                out.println("stopped " + component.module());
                stopped++;
            }
        }
        out.println(stopped == 0 ? "nothing was running" : "Synergy is down");
        out.flush();
    }
}

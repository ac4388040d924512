package io.synergy.cli;

import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import io.synergy.cli.stack.StackSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code synergy up}: a real single-node Kafka broker (KRaft, from the Kafka jars) and the five
 * services as separate processes on loopback, started in that order; returns once all are healthy
 * and prints where they listen. Components already running are left as they are.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka and the five services locally (no Docker needed) and wait until they are healthy.")
final class UpCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the api-gateway (default 8080); the other services take the ports after their defaults by the same offset (8081..8084 for 8080).")
    private int apiPort;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Port of the Kafka broker (default 9092).")
    private int kafkaPort;

    @Option(names = "--fleet", defaultValue = "default",
            description = "The device-gateway's fleet profile: default (the devices in its configuration) or wearable (the demo's seven).")
    private String fleet;

    @Option(names = "--json", description = "Print where the stack listens as one JSON object; progress goes to stderr.")
    private boolean json;

    @Option(names = "--listen", paramLabel = "ADDRESS",
            description = "Address the api-gateway listens on (default: loopback only). Opt in with e.g. 0.0.0.0 to serve other hosts; "
                    + "the other services and Kafka stay on loopback, and every call still needs an API key.")
    private String listen;

    @Option(names = "--timeout-seconds", defaultValue = "300",
            description = "How long to wait for every component to become healthy (default 300).")
    private int timeoutSeconds;

    @Override
    public void run() {
        StackSettings settings = StackSettings.defaults(apiPort, kafkaPort, fleet);
        List<String> apiArguments = listen == null ? List.of() : List.of("--server.address=" + listen);
        StackLauncher launcher = stack.launcher();
        PrintWriter out = spec.commandLine().getOut();
        start(launcher, settings, Duration.ofSeconds(timeoutSeconds), json ? spec.commandLine().getErr() : out,
                apiArguments);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(addresses(launcher, settings)));
            out.flush();
        }
    }

    /** Where the stack listens: {@code api}, {@code kafka}, and per service its {@code url} and {@code pid}. */
    static Map<String, Object> addresses(StackLauncher launcher, StackSettings settings) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("api", settings.url(StackComponent.API));
        report.put("kafka", settings.bootstrapServers());
        report.put("home", launcher.home().settingsFile().getParent().toString());
        Map<String, Object> services = new LinkedHashMap<>();
        for (StackComponent service : StackComponent.services()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", settings.url(service));
            entry.put("pid", launcher.home().pid(service).orElse(-1));
            services.put(service.module(), entry);
        }
        report.put("services", services);
        return report;
    }

    /** Starts the stack on loopback (also used by demo when nothing runs yet). */
    static void start(StackLauncher launcher, StackSettings settings, Duration timeout, PrintWriter out) {
        start(launcher, settings, timeout, out, List.of());
    }

    /** Starts the stack; {@code apiArguments} go to the api-gateway last (e.g. its listen address). */
    static void start(StackLauncher launcher, StackSettings settings, Duration timeout, PrintWriter out,
                      List<String> apiArguments) {
        launcher.home().create();
        settings.write(launcher.home().settingsFile());
        out.println("starting Kafka on " + settings.bootstrapServers() + " (logs in " + launcher.home().logs() + ")");
        out.flush();
        launcher.start(StackComponent.BROKER, settings);
        launcher.awaitReady(List.of(StackComponent.BROKER), settings, timeout);
        out.println("starting " + StackComponent.services().stream().map(StackComponent::module).toList());
        out.flush();
        for (StackComponent service : StackComponent.services()) {
            launcher.start(service, settings, service == StackComponent.API ? apiArguments : List.of());
        }
        launcher.awaitReady(StackComponent.services(), settings, timeout);
        out.println("Synergy is up:");
        out.println("  inference API (Open Inference Protocol v2)  " + settings.url(StackComponent.API) + "/v2");
        out.println("  registry and planner REST                   " + settings.url(StackComponent.API) + "/api");
        out.println("  Kafka bootstrap servers                     " + settings.bootstrapServers());
        out.println("  API keys (admin, inference; mode 0600)      " + launcher.home().apiKeysFile());
        for (StackComponent service : StackComponent.services()) {
            out.printf("  %-16s %s  (pid %d)%n", service.module(), settings.url(service),
                    launcher.home().pid(service).orElse(-1));
        }
        out.println("stop it with: bin/synergy down");
        out.flush();
    }
}

package io.synergy.cli.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, watches and stops the processes of the local stack. Each component runs as its own JVM in
 * a new session (so closing the terminal does not take it down), with its output in its log file and
 * its pid in the stack folder; {@code stop} ends only processes that this launcher recorded and whose
 * command line is still ours.
 */
public final class StackLauncher {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String SETSID = "/usr/bin/setsid";

    private final Path repository;
    private final StackHome home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StackLauncher(Path repository, StackHome home) {
        this.repository = repository;
        this.home = home;
    }

    public StackHome home() {
        return home;
    }

    /** Starts a component unless it already runs; returns its process. */
    public ProcessHandle start(StackComponent component, StackSettings settings) {
        return start(component, settings, List.of());
    }

    /**
     * Starts a component unless it already runs, with extra Spring Boot arguments for a service
     * (they come last, so they override the defaults); returns its process.
     */
    public ProcessHandle start(StackComponent component, StackSettings settings, List<String> extraArguments) {
        Optional<ProcessHandle> running = home.process(component);
        if (running.isPresent() && isOurs(component, running.get())) {
            return running.get();
        }
        Path jar = component.jar(repository).orElseThrow(() -> new StackStartException(component.module()
                + ": no jar under " + repository.resolve(component.module()).resolve("target")
                + " (build with: mvn -DskipTests install)"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of(SETSID))) {
            command.add(SETSID);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(component));
        if (component == StackComponent.BROKER) {
            command.addAll(List.of("-cp", jar + File.pathSeparator + jar.resolveSibling("lib") + File.separator + "*",
                    "io.synergy.broker.BrokerCommand", "--data-dir", home.kafkaData().toString(),
                    "--port", Integer.toString(settings.port(component))));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
            command.addAll(serviceArguments(component, settings));
            if (component == StackComponent.API) {
                command.addAll(ApiKeys.loadOrCreate(home).gatewayArguments());
            }
            command.addAll(extraArguments);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.log(component).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process process = builder.start();
            home.writePid(component, process.pid());
            return process.toHandle();
        } catch (IOException e) {
            throw new StackStartException(component.module() + ": cannot start: " + e.getMessage());
        }
    }

    /** Waits until every component is ready, or throws naming the first that died or is late. */
    public void awaitReady(List<StackComponent> components, StackSettings settings, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<StackComponent> waiting = new ArrayList<>(components);
        while (!waiting.isEmpty()) {
            for (StackComponent component : List.copyOf(waiting)) {
                if (home.process(component).isEmpty()) {
                    throw new StackStartException(component.module() + " exited during start; see "
                            + home.log(component) + ":\n" + tail(home.log(component), 15));
                }
                if (isReady(component, settings)) {
                    waiting.remove(component);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackStartException("not ready after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(StackComponent::module).toList() + "; see their logs in " + home.logs());
            }
            sleep(POLL);
        }
    }

    /** The broker prints READY once clients can connect; a service answers its health endpoint with 200. */
    public boolean isReady(StackComponent component, StackSettings settings) {
        if (component == StackComponent.BROKER) {
            return tail(home.log(component), 50).contains("READY " + settings.host() + ":"
                    + settings.port(component));
        }
        return health(component, settings).map(status -> status == 200).orElse(false);
    }

    /** The HTTP status of a service's health endpoint, or empty when it does not answer. */
    public Optional<Integer> health(StackComponent component, StackSettings settings) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url(component) + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops a component: SIGTERM, then SIGKILL after a grace period. Returns whether one was running. */
    public boolean stop(StackComponent component) {
        Optional<ProcessHandle> process = home.process(component);
        if (process.isEmpty() || !isOurs(component, process.get())) {
            home.forget(component);
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + component.module() + " to stop: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        home.forget(component);
        return true;
    }

    /** A pid may have been reused since it was recorded: only a process running our module is ours. */
    private static boolean isOurs(StackComponent component, ProcessHandle handle) {
        return handle.info().commandLine().map(line -> line.contains(component.module())).orElse(true);
    }

    private static List<String> jvmOptions(StackComponent component) {
        // Small heaps and the serial collector: six JVMs share a laptop or a 2-core CI machine. The
        // device-gateway runs the emulator's arithmetic and gets the most room. Every request passes
        // the api-gateway, the executor and the device-gateway, and every Kafka hop of it the broker
        // twice (produce, fetch), so they keep the optimising compiler; the registry and the planner,
        // off the request path, stop at C1 and start faster.
        if (component == StackComponent.GATEWAY) {
            return List.of("-Xmx1g", "-XX:+UseSerialGC");
        }
        if (component == StackComponent.API || component == StackComponent.EXECUTOR
                || component == StackComponent.BROKER) {
            return List.of("-Xmx384m", "-XX:+UseSerialGC");
        }
        return List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    private static List<String> serviceArguments(StackComponent component, StackSettings settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + settings.port(component),
                "--server.address=" + settings.host(),
                "--spring.cloud.stream.kafka.binder.brokers=" + settings.bootstrapServers()));
        switch (component) {
            case API -> {
                args.add("--synergy.api.registry-uri=" + settings.url(StackComponent.REGISTRY));
                args.add("--synergy.api.planner-uri=" + settings.url(StackComponent.PLANNER));
                args.add("--synergy.api.executor-uri=" + settings.url(StackComponent.EXECUTOR));
                args.add("--synergy.api.gateway-uri=" + settings.url(StackComponent.GATEWAY));
            }
            case GATEWAY -> args.add("--spring.profiles.active=" + settings.fleetProfile());
            default -> {
            }
        }
        return args;
    }

    /** The last lines of a log file ("" when it does not exist). */
    static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting for the stack");
        }
    }
}

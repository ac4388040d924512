package io.synergy.e2e;

import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.ApiKeys;
import io.synergy.cli.stack.StackHome;
import io.synergy.cli.stack.StackLauncher;
import io.synergy.cli.stack.StackSettings;
import io.synergy.testkit.kafka.BrokerChoice;
import io.synergy.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stack of its own for one test class: a broker of its own from synergy-testkit (Testcontainers'
 * Kafka where Docker runs, the embedded KRaft broker otherwise, like every other broker test) and the
 * five services as processes (started by {@link StackLauncher}, exactly as {@code bin/synergy up}
 * starts them), in a temporary stack folder, on free loopback ports, so that it neither meets a
 * developer's running stack nor another test's. {@link #stop()} ends every service the launcher
 * recorded, then the broker; a JVM shutdown hook does the same if the test JVM exits without
 * reaching it.
 */
final class PrivateStack implements AutoCloseable {

    private final StackLauncher launcher;
    private final Map<StackComponent, Integer> ports;
    private volatile StackSettings settings;
    private volatile KafkaBroker broker;
    private final Map<StackComponent, List<String>> extraArguments;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread safetyNet;

    /**
     * @param repository     the reactor root, under which each module's jar was built
     * @param home           an empty folder for the services' logs and pids
     * @param extraArguments per service, Spring Boot arguments after the launcher's own (they override them)
     */
    PrivateStack(Path repository, Path home, Map<StackComponent, List<String>> extraArguments) {
        StackHome stackHome = new StackHome(home);
        stackHome.create();
        this.launcher = new StackLauncher(repository, stackHome);
        this.ports = freePorts();
        this.extraArguments = Map.copyOf(extraArguments);
        this.safetyNet = new Thread(this::stopAll, "e2e-stack-stop");
        Runtime.getRuntime().addShutdownHook(safetyNet);
    }

    /** The stack's layout; known once {@link #start} has the broker's port. */
    StackSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("the stack has not started");
        }
        return settings;
    }

    /** The device-gateway arguments of configured device {@code index}: a MAX78000 on Wi-Fi with these capabilities. */
    static List<String> deviceArguments(int index, String id, String capabilities) {
        String at = "--synergy.gateway.devices[" + index + "].";
        return List.of(at + "id=" + id, at + "type=max78000", at + "capabilities=" + capabilities, at + "link=wifi");
    }

    /** The stack's broker, from synergy-testkit; known once {@link #start} has run. */
    KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the stack has not started");
        }
        return broker;
    }

    String url(StackComponent component) {
        return settings().url(component);
    }

    /** The stack's API keys, written by the launcher when it started the api-gateway. */
    ApiKeys apiKeys() {
        return ApiKeys.read(launcher.home());
    }

    Path log(StackComponent component) {
        return launcher.home().log(component);
    }

    /**
     * Starts the broker (synergy-testkit's: it returns once clients can connect, within its own start
     * timeout), then the five services, and waits until every one is healthy.
     */
    void start(Duration servicesTimeout) {
        broker = KafkaBroker.start(BrokerChoice.fromEnvironment());
        System.err.println("e2e: Kafka broker: " + broker);
        Map<StackComponent, Integer> layout = new EnumMap<>(ports);
        layout.put(StackComponent.BROKER, loopbackPort(broker.bootstrapServers()));
        settings = new StackSettings(StackSettings.LOOPBACK, layout, "default");
        settings.write(launcher.home().settingsFile());
        for (StackComponent service : StackComponent.services()) {
            launcher.start(service, settings, extraArguments.getOrDefault(service, List.of()));
        }
        launcher.awaitReady(StackComponent.services(), settings, servicesTimeout);
    }

    /**
     * Kills a service with SIGKILL: it gets no chance to say goodbye, commit offsets or flush anything,
     * as when its host loses power.
     */
    void kill(StackComponent component) {
        ProcessHandle process = launcher.home().process(component)
                .orElseThrow(() -> new IllegalStateException(component.module() + " is not running"));
        process.destroyForcibly();
        process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        launcher.home().forget(component);
    }

    /** Starts a killed service again, with the arguments it had, and waits until it is healthy. */
    void restart(StackComponent component, Duration timeout) {
        launcher.start(component, settings(), extraArguments.getOrDefault(component, List.of()));
        launcher.awaitReady(List.of(component), settings(), timeout);
    }

    /**
     * The port of a broker on this host: the launcher gives services {@code 127.0.0.1:<port>}, which
     * reaches both the embedded broker and a container whose port Docker publishes on this host.
     */
    static int loopbackPort(String bootstrapServers) {
        int colon = bootstrapServers.lastIndexOf(':');
        String host = colon < 0 ? "" : bootstrapServers.substring(0, colon);
        if (!host.equals("localhost") && !host.equals(StackSettings.LOOPBACK)) {
            throw new IllegalStateException("e2e: the services reach Kafka on " + StackSettings.LOOPBACK
                    + ", but the test broker is at " + bootstrapServers + " (a remote Docker host?);"
                    + " run with -Dsynergy.kafka.broker=embedded");
        }
        return Integer.parseInt(bootstrapServers.substring(colon + 1));
    }

    /** Stops every service once, then the broker (the services' last commits need it). */
    void stop() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(safetyNet);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) stopAll, which is idempotent
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stopAll() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        List<StackComponent> order = new ArrayList<>(StackComponent.services());
        java.util.Collections.reverse(order);
        for (StackComponent component : order) {
            try {
                launcher.stop(component);
            } catch (RuntimeException e) {
                System.err.println("stopping " + component.module() + ": " + e.getMessage());
            }
        }
        if (broker != null) {
            try {
                broker.close();
            } catch (RuntimeException e) {
                System.err.println("stopping the broker: " + e.getMessage());
            }
        }
    }

    /**
     * One free loopback port per component (the broker's is replaced by the test broker's). All
     * sockets stay open until every port is chosen, so they are distinct; another process may still
     * take one in the moment before its component binds it, which the launcher then reports as that
     * component exiting during start.
     */
    private static Map<StackComponent, Integer> freePorts() {
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (StackComponent component : StackComponent.values()) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(StackSettings.LOOPBACK));
                sockets.add(socket);
                ports.put(component, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket that does not close keeps its port: the component then fails to bind and says so
                }
            }
        }
        return ports;
    }
}

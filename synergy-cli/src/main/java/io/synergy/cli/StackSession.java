package io.synergy.cli;

import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.DemoException;
import io.synergy.cli.demo.StackClient;
import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import io.synergy.cli.stack.StackSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * What the demo and the end-to-end bench both do to a stack before they drive it: find the running
 * one (or start it), run the wearable fleet on its device-gateway with chosen gateway options, and
 * wait until the plan set places every app.
 */
final class StackSession {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    static final String WEARABLE = "wearable";
    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    private StackSession() {
    }

    /**
     * The settings of the running stack. When none answers, one is started: with the ports of the
     * home's settings file when there is one (so a stack folder laid out on other ports, beside another
     * stack on this host, keeps them), else with the defaults.
     */
    static StackSettings runningStack(StackLauncher launcher, PrintWriter out) {
        StackSettings settings = StackSettings.defaults(StackComponent.API.defaultPort(),
                StackComponent.BROKER.defaultPort(), "default");
        if (Files.isRegularFile(launcher.home().settingsFile())) {
            StackSettings recorded = StackSettings.read(launcher.home().settingsFile());
            if (launcher.isReady(StackComponent.API, recorded)) {
                return recorded;
            }
            settings = new StackSettings(recorded.host(), recorded.ports(), "default");
        }
        out.println("no stack is running: starting one on api port " + settings.port(StackComponent.API));
        UpCommand.start(launcher, settings, READY_TIMEOUT, out);
        return settings;
    }

    /**
     * Restarts the stack's device-gateway with the {@code wearable} profile at the time scale, plus any
     * further gateway options (e.g. timing-only); its configured devices leave and the seven join.
     */
    static StackSettings startWearableFleet(StackLauncher launcher, StackSettings settings, double timeScale,
                                            List<String> gatewayOptions) {
        StackSettings wearable = new StackSettings(settings.host(), settings.ports(), WEARABLE);
        List<String> arguments = new ArrayList<>();
        arguments.add("--synergy.gateway.time-scale=" + timeScale);
        arguments.addAll(gatewayOptions);
        launcher.stop(StackComponent.GATEWAY);
        launcher.start(StackComponent.GATEWAY, wearable, arguments);
        wearable.write(launcher.home().settingsFile());
        launcher.awaitReady(List.of(StackComponent.GATEWAY), wearable, READY_TIMEOUT);
        return wearable;
    }

    /** Waits until every app is ready (placed by the current plan set), at most {@link #READY_TIMEOUT}. */
    static void awaitPlaced(StackClient client, List<DemoApp> apps) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (DemoApp app : apps) {
            while (!client.ready(app.id())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DemoException("app " + app.id() + " is not placed after " + READY_TIMEOUT.toSeconds()
                            + " s; see GET /api/plans");
                }
                pause(POLL_EVERY);
            }
        }
    }

    /** Waits until every app is placed and every device of the gateway holds the current epoch. */
    static void awaitLoaded(StackClient client, List<DemoApp> apps, String gatewayUrl, Consumer<String> say) {
        say.accept("waiting until the plan set places every app and the devices have loaded it");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            awaitPlaced(client, apps);
            JsonNode plans = client.plans();
            long epoch = plans == null ? -1 : plans.path("epoch").asLong();
            List<JsonNode> devices = client.devices(gatewayUrl);
            if (!devices.isEmpty() && devices.stream().allMatch(d -> d.path("loadedEpoch").asLong() == epoch)) {
                say.accept("plan set epoch " + epoch + " (" + plans.path("planner").asString() + ") loaded on "
                        + devices.size() + " devices");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoException("devices have not loaded plan epoch " + epoch + " after "
                        + READY_TIMEOUT.toSeconds() + " s; see GET /api/gateway/devices");
            }
            pause(Duration.ofMillis(500));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }
}

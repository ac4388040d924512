package io.synergy.cli.bench;

import io.synergy.cli.stack.ApiKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.StackClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the soak's load counts outcomes, against a small HTTP server standing in for the api-gateway
 * that answers each app with one status: 200 completes, 429 and 503 are refusals (never accepted),
 * any other answer is an accepted request lost.
 */
class SoakDriverTest {

    private static final Map<String, Integer> STATUS_BY_APP = Map.of(
            "keywords", 200, "segmentation", 504, "classification", 429);

    private HttpServer server;
    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/models/", exchange -> {
            String app = exchange.getRequestURI().getPath().split("/")[3];
            exchange.getRequestBody().readAllBytes();
            served.computeIfAbsent(app, k -> new AtomicLong()).incrementAndGet();
            exchange.sendResponseHeaders(STATUS_BY_APP.getOrDefault(app, 404), -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void completionsRefusalsAndLostRequestsAreCountedApartAndAddUp() throws InterruptedException {
        StackClient client = new StackClient("http://127.0.0.1:" + server.getAddress().getPort(), ApiKeys.generate());
        Map<String, AtomicLong> completedPerApp = new ConcurrentHashMap<>();
        try (SoakDriver driver = new SoakDriver(client, DemoApp.wearables(), 20, 4, Duration.ofSeconds(10),
                (app, sent, done) -> completedPerApp.computeIfAbsent(app, k -> new AtomicLong()).incrementAndGet())) {
            driver.measure();
            driver.start();
            await(() -> driver.totals().sent() >= 30);
            driver.stopArrivals();
            long unanswered = driver.drain(Duration.ofSeconds(20));

            SoakDriver.Totals totals = driver.totals();
            assertThat(unanswered).isZero();
            assertThat(totals.completed()).isEqualTo(served.get("keywords").get());
            assertThat(totals.rejected()).isEqualTo(served.get("classification").get());
            assertThat(totals.lostByOutcome()).containsOnlyKeys("504");
            assertThat(totals.lost()).isEqualTo(served.get("segmentation").get());
            assertThat(totals.accepted()).isEqualTo(totals.sent() - totals.rejected());
            assertThat(totals.lost()).isEqualTo(totals.accepted() - totals.completed());
            assertThat(completedPerApp).containsOnlyKeys("keywords");
            assertThat(completedPerApp.get("keywords").get()).isEqualTo(totals.completed());
        }
    }

    @Test
    void requestsSentBeforeTheMeasurementStartsAreNotCounted() throws InterruptedException {
        StackClient client = new StackClient("http://127.0.0.1:" + server.getAddress().getPort(), ApiKeys.generate());
        try (SoakDriver driver = new SoakDriver(client, List.of(DemoApp.wearables().get(1)), 20, 2,
                Duration.ofSeconds(10), (app, sent, done) -> { })) {
            driver.start();
            await(() -> served.containsKey("keywords") && served.get("keywords").get() >= 5);
            driver.measure();
            await(() -> driver.totals().completed() >= 5);
            driver.stopArrivals();
            driver.drain(Duration.ofSeconds(20));

            SoakDriver.Totals totals = driver.totals();
            assertThat(totals.sent()).isEqualTo(totals.completed());
            assertThat(totals.completed()).isLessThan(served.get("keywords").get());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 60 s").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}

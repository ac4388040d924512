package io.synergy.cli.demo;

import com.sun.net.httpserver.HttpServer;
import io.synergy.cli.stack.ApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Which calls carry which key: the api-gateway's own actuator is an admin call, other services take none. */
class StackClientTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void readsTheApiGatewaysMetricsWithTheAdminKeyAndAnotherServicesWithoutAKey() throws IOException {
        String api = serveThreadsMetric();
        String registry = serveThreadsMetric();
        ApiKeys keys = ApiKeys.generate();
        StackClient client = new StackClient(api, keys);

        assertThat(client.metric(api, "jvm.threads.live", null)).isEqualTo(42.0);
        assertThat(client.metric(registry, "jvm.threads.live", null)).isEqualTo(42.0);

        assertThat(authorizations).containsExactly("Bearer " + keys.admin(), "none");
    }

    private String serveThreadsMetric() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/metrics/jvm.threads.live", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "none" : authorization);
            byte[] body = "{\"measurements\":[{\"statistic\":\"VALUE\",\"value\":42.0}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}

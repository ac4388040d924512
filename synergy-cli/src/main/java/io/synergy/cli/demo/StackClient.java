package io.synergy.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.synergy.cli.stack.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the demo asks of a running stack, over its public HTTP API only (the api-gateway), plus a
 * device-gateway's own device view. Every call has a timeout. Calls to the api-gateway carry the
 * stack's API key of the scope they need (admin under {@code /api}, inference under {@code /v2}).
 */
public final class StackClient {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration METRIC_TIMEOUT = Duration.ofSeconds(10);

    private final String api;
    private final ApiKeys keys;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public StackClient(String apiUrl, ApiKeys keys) {
        this.api = apiUrl;
        this.keys = keys;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Registers a zoo model under its zoo name; an already registered one is left as it is. */
    public void registerZooModel(String zooName) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/models/zoo/" + zooName))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new DemoException("registering zoo model " + zooName + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Deploys an app; an app with the same id already deployed is left as it is. */
    public void deployApp(DemoApp app) {
        String body = json.writeValueAsString(Map.of("id", app.id(), "model", app.model(), "source", app.source(),
                "target", app.target()));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/apps"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new DemoException("deploying app " + app.id() + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Whether the current plan set runs the app (OIP model readiness). */
    public boolean ready(String appId) {
        return send(HttpRequest.newBuilder(uri("/v2/models/" + appId + "/ready")).GET()).statusCode() == 200;
    }

    /** The current plan set as JSON, or null before the first one. */
    public JsonNode plans() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/plans")).GET());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    /** The registry's live devices (descriptor with accelerator and link, battery, loaded epoch). */
    public List<JsonNode> registeredDevices() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/devices")).GET());
        if (response.statusCode() != 200) {
            throw new DemoException("GET /api/devices: HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).valueStream().toList();
    }

    /** A device-gateway's devices (its own REST view, not routed through the api-gateway). */
    public List<JsonNode> devices(String gatewayUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/gateway/devices"))
                .GET());
        if (response.statusCode() != 200) {
            return List.of();
        }
        JsonNode array = json.readTree(response.body());
        return array.valueStream().toList();
    }

    /**
     * A device's fault transition through the api-gateway's route to the device-gateway
     * (contracts.md #1): {@code leave}, {@code fail} or {@code join}. Returns the device's new state as
     * JSON; throws with the gateway's answer on 404 (unknown device) or 409 (a transition that makes
     * no sense in its state).
     */
    public JsonNode deviceFault(String deviceId, String transition) {
        if (!List.of("leave", "fail", "join").contains(transition)) {
            throw new IllegalArgumentException("transition: must be leave, fail or join, got " + transition);
        }
        String path = "/api/gateway/devices/" + deviceId + "/" + transition;
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new DemoException("POST " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    /**
     * One value of a service's actuator metric ({@code GET /actuator/metrics/{name}}, e.g.
     * {@code jvm.memory.used} with tag {@code area:heap}): the first measurement (VALUE for gauges,
     * COUNT for counters), summed over the tag's meters by the actuator. NaN when the service does not
     * answer or has no such metric, so one slow sample does not end a long run.
     */
    public double metric(String serviceUrl, String name, String tag) {
        String query = tag == null ? "" : "?tag=" + tag;
        try {
            // the api-gateway's own actuator (beyond health) is an admin call; the other services take none
            HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(
                    URI.create(serviceUrl + "/actuator/metrics/" + name + query)).timeout(METRIC_TIMEOUT).GET()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            JsonNode measurements = json.readTree(response.body()).path("measurements");
            return measurements.isEmpty() ? Double.NaN : measurements.path(0).path("value").asDouble(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }

    /**
     * A service's whole Prometheus scrape ({@code GET /actuator/prometheus}), or null when it does not
     * answer in time, so a missed scrape leaves a figure out instead of ending a run.
     */
    public String prometheus(String serviceUrl) {
        try {
            HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(
                    URI.create(serviceUrl + "/actuator/prometheus")).timeout(METRIC_TIMEOUT).GET()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }

    /**
     * One inference with the Open Inference Protocol's binary tensor extension: a JSON header and the
     * raw int8 input after it. Returns the HTTP status.
     */
    public int infer(String appId, String requestId, int[] shape, byte[] input, Duration timeout) {
        String header = json.writeValueAsString(Map.of(
                "id", requestId,
                "inputs", List.of(Map.of("name", "input", "shape", shape, "datatype", "INT8",
                        "parameters", Map.of("binary_data_size", input.length))),
                "parameters", Map.of("binary_data_output", true, "timeout_ms", timeout.toMillis())));
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream(head.length + input.length);
        body.writeBytes(head);
        body.writeBytes(input);
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri("/v2/models/" + appId + "/infer")))
                .timeout(timeout.plusSeconds(5))
                .header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", Integer.toString(head.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private URI uri(String path) {
        return URI.create(api + path);
    }

    /** Adds the key of the scope the api-gateway asks for on this path; calls elsewhere go without one. */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        URI target = request.copy().build().uri();
        URI gateway = URI.create(api);
        // the same host and port, not a prefix of the text (127.0.0.1:4000 is a prefix of 127.0.0.1:40001)
        if (!target.getHost().equals(gateway.getHost()) || target.getPort() != gateway.getPort()) {
            return request;
        }
        String key = target.getPath().startsWith("/v2/") ? keys.inference() : keys.admin();
        return request.header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(authorized(request).timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException(request.build().uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }
}

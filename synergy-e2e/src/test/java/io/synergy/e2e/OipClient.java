package io.synergy.e2e;

import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.TensorCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Open Inference Protocol calls through the api-gateway, in both encodings (docs/inference-api.md):
 * JSON in and out, or the binary tensor extension in and out. Every call has a timeout; a call that
 * gets no answer is reported as status 0, never retried. Every call carries the stack's inference key;
 * fault injection, an administration call, the admin key.
 */
final class OipClient {

    private static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private final String api;
    private final String inferenceKey;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    OipClient(String apiUrl, String inferenceKey) {
        this(apiUrl, inferenceKey, null);
    }

    /** @param adminKey the key of {@link #deviceFault} calls (null: this client makes none) */
    OipClient(String apiUrl, String inferenceKey, String adminKey) {
        this.api = apiUrl;
        this.inferenceKey = inferenceKey;
        this.adminKey = adminKey;
    }

    /** What came back: the HTTP status, the JSON (the header, for a binary answer) and the output data. */
    record Answer(int status, JsonNode body, String text, int[] output) {
    }

    /**
     * One inference. {@code binary} sends the input as raw bytes after a JSON header and asks for a
     * binary output; otherwise both travel as JSON numbers.
     */
    Answer infer(String app, String requestId, Int8Tensor input, boolean binary, Duration timeout) {
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("name", "input");
        tensor.put("shape", input.shape().toArray());
        tensor.put("datatype", "INT8");
        byte[] raw = TensorCodec.encode(input);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", requestId);
        root.put("inputs", List.of(tensor));
        if (binary) {
            tensor.put("parameters", Map.of("binary_data_size", raw.length));
            root.put("parameters", Map.of("binary_data_output", true, "timeout_ms", timeout.toMillis()));
        } else {
            int[] values = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                values[i] = raw[i];
            }
            tensor.put("data", values);
            root.put("parameters", Map.of("timeout_ms", timeout.toMillis()));
        }
        byte[] head = json.writeValueAsBytes(root);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/v2/models/" + app + "/infer"))
                .header("Authorization", "Bearer " + inferenceKey)
                .timeout(timeout.plusSeconds(15));
        if (binary) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(head.length + raw.length);
            body.writeBytes(head);
            body.writeBytes(raw);
            request.header("Content-Type", "application/octet-stream")
                    .header(HEADER_LENGTH, Integer.toString(head.length))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(head));
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response == null) {
            return new Answer(0, null, "no answer", null);
        }
        return read(response);
    }

    /**
     * Fault injection on the device-gateway through the api-gateway (docs/device-gateway.md):
     * {@code action} is leave, fail, slow or join; {@code factor} is the slow-down (slow only).
     */
    Answer deviceFault(String deviceId, String action, double factor) {
        if (adminKey == null) {
            throw new IllegalStateException("fault injection needs the admin key: build the client with it");
        }
        String body = "slow".equals(action) ? "{\"factor\": " + factor + "}" : "";
        return post("/api/gateway/devices/" + deviceId + "/" + action, "application/json",
                body.getBytes(StandardCharsets.UTF_8), adminKey);
    }

    /** A raw POST, for requests the test means to be wrong. */
    Answer post(String path, String contentType, byte[] body) {
        return post(path, contentType, body, inferenceKey);
    }

    private Answer post(String path, String contentType, byte[] body, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = send(request);
        return response == null ? new Answer(0, null, "no answer", null) : read(response);
    }

    private Answer read(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        int headLength = response.headers().firstValue(HEADER_LENGTH).map(Integer::parseInt).orElse(bytes.length);
        String text = new String(bytes, 0, headLength, StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (RuntimeException e) {
            return new Answer(response.statusCode(), null, text, null);
        }
        JsonNode output = body.path("outputs").path(0);
        int[] data = null;
        if (output.has("data")) {
            data = output.path("data").valueStream().mapToInt(JsonNode::asInt).toArray();
        } else if (output.path("parameters").has("binary_data_size")) {
            data = decode(Arrays.copyOfRange(bytes, headLength, bytes.length), output.path("datatype").asString());
        }
        return new Answer(response.statusCode(), body, text, data);
    }

    /** The binary extension's layout: little-endian elements, INT8 one byte, INT32 four. */
    private static int[] decode(byte[] raw, String datatype) {
        if ("INT8".equals(datatype)) {
            int[] values = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                values[i] = raw[i];
            }
            return values;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[raw.length / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getInt();
        }
        return values;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

package io.synergy.executor.web;

import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.executor.application.InferenceService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** The JSON bodies of the OIP endpoints. */
final class OipResponses {

    static final String INPUT_NAME = "input";
    static final String OUTPUT_NAME = "output";
    static final String PLATFORM = "synergy-max7800x";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OipResponses() {
    }

    /** An inference response: JSON alone, or the JSON header of the binary extension (the bytes follow it). */
    static byte[] inference(String modelName, String id, InferenceCompleted result, boolean binary) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model_name", modelName);
        if (id != null) {
            root.put("id", id);
        }
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("app_id", result.appId());
        parameters.put("epoch", result.epoch());
        WireTensor output = result.output();
        ObjectNode tensor = root.putArray("outputs").addObject();
        tensor.put("name", OUTPUT_NAME);
        tensor.put("datatype", output.datatype().name());
        ArrayNode shape = tensor.putArray("shape");
        output.shape().forEach(shape::add);
        if (binary) {
            tensor.putObject("parameters").put("binary_data_size", output.descriptor().byteSize());
        } else {
            ArrayNode data = tensor.putArray("data");
            for (int element : output.data()) {
                data.add(element);
            }
        }
        return MAPPER.writeValueAsBytes(root);
    }

    static byte[] metadata(String name, InferenceService.Description description) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", name);
        root.putArray("versions");
        root.put("platform", PLATFORM);
        tensor(root.putArray("inputs").addObject(), INPUT_NAME, description.signature().input());
        tensor(root.putArray("outputs").addObject(), OUTPUT_NAME, description.signature().output());
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("app_id", description.app().appId());
        parameters.put("model", description.app().modelName());
        return MAPPER.writeValueAsBytes(root);
    }

    static byte[] ready(String name, boolean ready) {
        ObjectNode root = MAPPER.createObjectNode();
        if (name != null) {
            root.put("name", name);
        }
        root.put("ready", ready);
        return MAPPER.writeValueAsBytes(root);
    }

    static byte[] live() {
        return "{\"live\":true}".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] error(String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("error", message);
        return MAPPER.writeValueAsBytes(root);
    }

    private static void tensor(ObjectNode node, String name, TensorDescriptor descriptor) {
        node.put("name", name);
        node.put("datatype", descriptor.datatype().name());
        ArrayNode shape = node.putArray("shape");
        descriptor.shape().forEach(shape::add);
    }
}

package io.synergy.executor.web;

import io.synergy.executor.application.InferenceRequest;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an OIP v2 inference request from untrusted bytes, in one streaming pass: JSON tensors
 * ({@code "data": [...]}) or the binary tensor extension, where the first
 * {@code Inference-Header-Content-Length} bytes are the JSON header and each input with
 * {@code parameters.binary_data_size} takes that many raw bytes after it, in input order. Every
 * size, count, depth and length is bounded before anything is allocated for it; each error names
 * the field and the limit.
 */
public final class OipRequestReader {

    private final OipLimits limits;
    private final JsonFactory json;

    public OipRequestReader(OipLimits limits) {
        this.limits = limits;
        this.json = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(OipLimits.MAX_NESTING_DEPTH)
                .maxStringLength(OipLimits.MAX_STRING_CHARS)
                .maxNameLength(OipLimits.MAX_STRING_CHARS)
                .maxNumberLength(OipLimits.MAX_NUMBER_CHARS)
                .maxDocumentLength(limits.maxRequestBytes())
                .build()).build();
    }

    /**
     * @param body         the whole body
     * @param headerLength the {@code Inference-Header-Content-Length}, or null for a JSON-only body
     * @throws OipFormatException naming the field and the limit
     */
    public OipRequest read(byte[] body, Integer headerLength) {
        if (body.length > limits.maxRequestBytes()) {
            throw new OipFormatException("body: at most " + limits.maxRequestBytes() + " bytes, got " + body.length);
        }
        int jsonLength = body.length;
        if (headerLength != null) {
            if (headerLength < 2 || headerLength > body.length) {
                throw new OipFormatException("Inference-Header-Content-Length: must be between 2 and the body's "
                        + body.length + " bytes, got " + headerLength);
            }
            jsonLength = headerLength;
        }
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), body, 0, jsonLength)) {
            Draft draft = readRequest(parser);
            return draft.complete(body, jsonLength, headerLength != null);
        } catch (JacksonException e) {
            throw new OipFormatException("body: not a valid OIP JSON request: " + e.getOriginalMessage());
        }
    }

    /** What the JSON header says, before the binary part is read. */
    private final class Draft {
        String id;
        String inputName;
        TensorDatatype datatype;
        List<Integer> shape;
        int[] data;
        Long binarySize;
        boolean binaryOutput;
        long timeoutMillis;
        int inputs;

        OipRequest complete(byte[] body, int jsonLength, boolean binary) {
            if (inputs != 1) {
                throw new OipFormatException("inputs: exactly " + OipLimits.MAX_INPUTS + " input tensor expected, got " + inputs);
            }
            if (datatype == null) {
                throw new OipFormatException("inputs[0].datatype: required (INT8)");
            }
            if (shape == null) {
                throw new OipFormatException("inputs[0].shape: required");
            }
            TensorDescriptor descriptor;
            try {
                descriptor = new TensorDescriptor(datatype, shape);
            } catch (IllegalArgumentException e) {
                throw new OipFormatException("inputs[0]." + e.getMessage());
            }
            if (descriptor.elements() > limits.maxTensorElements()) {
                throw new OipFormatException("inputs[0].shape: " + shape + " has " + descriptor.elements()
                        + " elements; the limit is " + limits.maxTensorElements());
            }
            WireTensor tensor;
            try {
                tensor = binarySize != null ? binaryTensor(descriptor, body, jsonLength, binary) : jsonTensor(descriptor);
            } catch (IllegalArgumentException e) {
                throw new OipFormatException("inputs[0]." + e.getMessage());
            }
            return new OipRequest(id, inputName, tensor, binaryOutput, timeoutMillis);
        }

        private WireTensor jsonTensor(TensorDescriptor descriptor) {
            if (data == null) {
                throw new OipFormatException("inputs[0].data: required (or parameters.binary_data_size with the binary extension)");
            }
            return new WireTensor(descriptor.datatype(), descriptor.shape(), data);
        }

        private WireTensor binaryTensor(TensorDescriptor descriptor, byte[] body, int jsonLength, boolean binary) {
            if (!binary) {
                throw new OipFormatException("inputs[0].parameters.binary_data_size: needs the Inference-Header-Content-Length header");
            }
            long available = body.length - jsonLength;
            if (binarySize != descriptor.byteSize() || available != binarySize) {
                throw new OipFormatException("inputs[0].parameters.binary_data_size: " + descriptor.datatype() + " "
                        + descriptor.shape() + " needs " + descriptor.byteSize() + " bytes; binary_data_size says "
                        + binarySize + " and the body holds " + available + " after the JSON header");
            }
            return WireTensor.fromBytes(descriptor, Arrays.copyOfRange(body, jsonLength, body.length));
        }
    }

    private Draft readRequest(JsonParser parser) {
        Draft draft = new Draft();
        expect(parser, JsonToken.START_OBJECT, "body");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> draft.id = text(parser, value, "id");
                case "parameters" -> readRequestParameters(parser, value, draft);
                case "inputs" -> readInputs(parser, value, draft);
                case "outputs" -> readOutputs(parser, value, draft);
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new OipFormatException("body: one JSON object expected, found more after it");
        }
        return draft;
    }

    private void readRequestParameters(JsonParser parser, JsonToken value, Draft draft) {
        requireToken(value, JsonToken.START_OBJECT, "parameters");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("binary_data_output")) {
                draft.binaryOutput |= bool(token, "parameters.binary_data_output");
            } else if (field.equals("timeout_ms")) {
                requireToken(token, JsonToken.VALUE_NUMBER_INT, "parameters.timeout_ms");
                long timeout = parser.getLongValue();
                if (timeout < 0 || timeout > InferenceRequest.MAX_TIMEOUT.toMillis()) {
                    throw new OipFormatException("parameters.timeout_ms: must be 0 to " + InferenceRequest.MAX_TIMEOUT.toMillis()
                            + ", got " + timeout);
                }
                draft.timeoutMillis = timeout;
            } else {
                parser.skipChildren();
            }
        }
    }

    private void readInputs(JsonParser parser, JsonToken value, Draft draft) {
        requireToken(value, JsonToken.START_ARRAY, "inputs");
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (++draft.inputs > OipLimits.MAX_INPUTS) {
                throw new OipFormatException("inputs: exactly " + OipLimits.MAX_INPUTS + " input tensor expected, got more");
            }
            readInput(parser, draft);
        }
        requireToken(parser.currentToken(), JsonToken.END_ARRAY, "inputs");
    }

    private void readInput(JsonParser parser, Draft draft) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> draft.inputName = text(parser, value, "inputs[0].name");
                case "datatype" -> {
                    String name = text(parser, value, "inputs[0].datatype");
                    try {
                        draft.datatype = TensorDatatype.parse("inputs[0].datatype", name);
                    } catch (IllegalArgumentException e) {
                        throw new OipFormatException(e.getMessage());
                    }
                }
                case "shape" -> draft.shape = readShape(parser, value);
                case "data" -> draft.data = readData(parser, value);
                case "parameters" -> readInputParameters(parser, value, draft);
                default -> parser.skipChildren();
            }
        }
    }

    private static List<Integer> readShape(JsonParser parser, JsonToken value) {
        requireToken(value, JsonToken.START_ARRAY, "inputs[0].shape");
        List<Integer> shape = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (shape.size() == TensorDescriptor.MAX_DIMENSIONS) {
                throw new OipFormatException("inputs[0].shape: at most " + TensorDescriptor.MAX_DIMENSIONS + " dimensions");
            }
            long dimension = integer(parser, "inputs[0].shape[" + shape.size() + "]");
            if (dimension < 1 || dimension > Integer.MAX_VALUE) {
                throw new OipFormatException("inputs[0].shape[" + shape.size() + "]: must be >= 1, got " + dimension);
            }
            shape.add((int) dimension);
        }
        return shape;
    }

    /** Elements as a flat array; the OIP also allows nested arrays in row-major order, flattened here. */
    private int[] readData(JsonParser parser, JsonToken value) {
        requireToken(value, JsonToken.START_ARRAY, "inputs[0].data");
        int[] data = new int[Math.min(1024, limits.maxTensorElements())];
        int count = 0;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_ARRAY) {
                depth--;
            } else {
                if (count == limits.maxTensorElements()) {
                    throw new OipFormatException("inputs[0].data: at most " + limits.maxTensorElements() + " elements");
                }
                long element = integer(parser, "inputs[0].data[" + count + "]");
                if (element < Integer.MIN_VALUE || element > Integer.MAX_VALUE) {
                    throw new OipFormatException("inputs[0].data[" + count + "]: " + element + " is outside 32 bits");
                }
                if (count == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, limits.maxTensorElements()));
                }
                data[count++] = (int) element;
            }
        }
        return Arrays.copyOf(data, count);
    }

    private static void readInputParameters(JsonParser parser, JsonToken value, Draft draft) {
        requireToken(value, JsonToken.START_OBJECT, "inputs[0].parameters");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("binary_data_size")) {
                draft.binarySize = integer(parser, "inputs[0].parameters.binary_data_size");
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void readOutputs(JsonParser parser, JsonToken value, Draft draft) {
        requireToken(value, JsonToken.START_ARRAY, "outputs");
        int outputs = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (++outputs > OipLimits.MAX_OUTPUTS) {
                throw new OipFormatException("outputs: at most " + OipLimits.MAX_OUTPUTS + " requested outputs");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("parameters") && token == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String parameter = parser.currentName();
                        JsonToken parameterValue = parser.nextToken();
                        if (parameter.equals("binary_data")) {
                            draft.binaryOutput |= bool(parameterValue, "outputs[" + (outputs - 1) + "].parameters.binary_data");
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        requireToken(parser.currentToken(), JsonToken.END_ARRAY, "outputs");
    }

    private static void expect(JsonParser parser, JsonToken expected, String field) {
        requireToken(parser.nextToken(), expected, field);
    }

    private static void requireToken(JsonToken actual, JsonToken expected, String field) {
        if (actual != expected) {
            throw new OipFormatException(field + ": expected " + describe(expected) + ", got " + describe(actual));
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the JSON";
        }
        switch (token) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case END_ARRAY: return "the end of the array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT: return "an integer";
            case VALUE_NUMBER_FLOAT: return "a fractional number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return token.name();
        }
    }

    private static String text(JsonParser parser, JsonToken value, String field) {
        requireToken(value, JsonToken.VALUE_STRING, field);
        return parser.getString();
    }

    private static boolean bool(JsonToken value, String field) {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new OipFormatException(field + ": expected a boolean, got " + describe(value));
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static long integer(JsonParser parser, String field) {
        requireToken(parser.currentToken(), JsonToken.VALUE_NUMBER_INT, field);
        return parser.getLongValue();
    }
}

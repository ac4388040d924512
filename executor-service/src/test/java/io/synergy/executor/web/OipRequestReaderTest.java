package io.synergy.executor.web;

import io.synergy.contracts.tensor.TensorDatatype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OipRequestReaderTest {

    private final OipRequestReader reader = new OipRequestReader(new OipLimits(4096, 64));

    @Test
    void readsAJsonTensorWithIdAndIgnoresUnknownFields() {
        OipRequest request = reader.read(bytes("{\"id\":\"a-1\",\"extra\":{\"x\":[1,{}]},\"inputs\":[{\"name\":\"input\","
                + "\"shape\":[1,2,2],\"datatype\":\"INT8\",\"data\":[0,-3,127,-128]}]}"), null);

        assertThat(request.id()).isEqualTo("a-1");
        assertThat(request.inputName()).isEqualTo("input");
        assertThat(request.input().datatype()).isEqualTo(TensorDatatype.INT8);
        assertThat(request.input().shape()).isEqualTo(List.of(1, 2, 2));
        assertThat(request.input().data()).containsExactly(0, -3, 127, -128);
        assertThat(request.binaryOutput()).isFalse();
    }

    @Test
    void flattensNestedDataInRowMajorOrder() {
        OipRequest request = reader.read(bytes("{\"inputs\":[{\"name\":\"input\",\"shape\":[2,2],\"datatype\":\"INT8\","
                + "\"data\":[[1,2],[3,4]]}]}"), null);

        assertThat(request.input().data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsTheBinaryExtensionAndTheWishForBinaryOutput() {
        byte[] header = bytes("{\"inputs\":[{\"name\":\"input\",\"shape\":[4],\"datatype\":\"INT8\","
                + "\"parameters\":{\"binary_data_size\":4}}],\"outputs\":[{\"name\":\"output\",\"parameters\":{\"binary_data\":true}}]}");
        byte[] body = new byte[header.length + 4];
        System.arraycopy(header, 0, body, 0, header.length);
        body[header.length] = -128;
        body[header.length + 1] = -1;
        body[header.length + 2] = 0;
        body[header.length + 3] = 127;

        OipRequest request = reader.read(body, header.length);

        assertThat(request.input().data()).containsExactly(-128, -1, 0, 127);
        assertThat(request.binaryOutput()).isTrue();
    }

    @Test
    void refusesBinaryBytesThatDoNotMatchTheShape() {
        byte[] header = bytes("{\"inputs\":[{\"name\":\"input\",\"shape\":[4],\"datatype\":\"INT8\","
                + "\"parameters\":{\"binary_data_size\":4}}]}");
        byte[] body = new byte[header.length + 3];
        System.arraycopy(header, 0, body, 0, header.length);

        assertThatThrownBy(() -> reader.read(body, header.length)).isInstanceOf(OipFormatException.class)
                .hasMessageContaining("binary_data_size").hasMessageContaining("needs 4 bytes")
                .hasMessageContaining("holds 3");
    }

    @Test
    void refusesABodyOverTheLimitNamingIt() {
        assertThatThrownBy(() -> reader.read(new byte[4097], null)).isInstanceOf(OipFormatException.class)
                .hasMessageContaining("body: at most 4096 bytes");
    }

    @Test
    void refusesMoreElementsThanTheLimitBeforeStoringThem() {
        StringBuilder data = new StringBuilder("0");
        for (int i = 1; i < 65; i++) {
            data.append(",0");
        }
        assertThatThrownBy(() -> reader.read(bytes("{\"inputs\":[{\"name\":\"input\",\"datatype\":\"INT8\",\"data\":["
                + data + "]}]}"), null))
                .isInstanceOf(OipFormatException.class).hasMessageContaining("inputs[0].data: at most 64 elements");
    }

    @Test
    void refusesAShapeWithMoreElementsThanTheLimit() {
        assertThatThrownBy(() -> reader.read(bytes("{\"inputs\":[{\"name\":\"input\",\"shape\":[1000,1000],"
                + "\"datatype\":\"INT8\",\"data\":[1]}]}"), null))
                .isInstanceOf(OipFormatException.class).hasMessageContaining("inputs[0].shape")
                .hasMessageContaining("the limit is 64");
    }

    @Test
    void refusesDeepNestingNamingTheLimit() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThatThrownBy(() -> reader.read(bytes("{\"extra\":" + deep + "}"), null))
                .isInstanceOf(OipFormatException.class).hasMessageContaining("body:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json at all            | not json                                                                                          | body:",
        "an array, not an object    | [1,2]                                                                                             | body: expected an object",
        "two inputs                 | {\"inputs\":[{},{}]}                                                                              | inputs: exactly 1",
        "no inputs                  | {\"inputs\":[]}                                                                                   | inputs: exactly 1",
        "no datatype                | {\"inputs\":[{\"shape\":[1],\"data\":[1]}]}                                                       | inputs[0].datatype: required",
        "unknown datatype           | {\"inputs\":[{\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}                                 | inputs[0].datatype: datatype must be one of INT8, INT32",
        "fractional element         | {\"inputs\":[{\"shape\":[1],\"datatype\":\"INT8\",\"data\":[1.5]}]}                               | inputs[0].data[0]: expected an integer",
        "element out of range       | {\"inputs\":[{\"shape\":[1],\"datatype\":\"INT8\",\"data\":[300]}]}                               | inputs[0].data[0]: 300 is outside the range of INT8",
        "too few elements           | {\"inputs\":[{\"shape\":[3],\"datatype\":\"INT8\",\"data\":[1,2]}]}                               | inputs[0].data: shape [3] needs 3 elements, got 2",
        "zero dimension             | {\"inputs\":[{\"shape\":[0],\"datatype\":\"INT8\",\"data\":[]}]}                                  | inputs[0].shape[0]: must be >= 1",
        "five dimensions            | {\"inputs\":[{\"shape\":[1,1,1,1,1],\"datatype\":\"INT8\",\"data\":[1]}]}                         | inputs[0].shape: at most 4 dimensions",
        "no data                    | {\"inputs\":[{\"shape\":[1],\"datatype\":\"INT8\"}]}                                              | inputs[0].data: required",
        "binary without the header  | {\"inputs\":[{\"shape\":[1],\"datatype\":\"INT8\",\"parameters\":{\"binary_data_size\":1}}]}      | needs the Inference-Header-Content-Length header",
        "trailing content           | {\"inputs\":[]} {}                                                                                | body: one JSON object expected",
        "negative timeout           | {\"parameters\":{\"timeout_ms\":-1},\"inputs\":[]}                                                | parameters.timeout_ms: must be 0 to 600000",
    })
    void refusesMalformedRequestsNamingTheField(String description, String json, String message) {
        assertThatThrownBy(() -> reader.read(bytes(json), null)).as(description)
                .isInstanceOf(OipFormatException.class).hasMessageContaining(message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.synergy.contracts;

import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireTensorTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void rawBytesRoundTripForBothDatatypes(long seed) {
        for (TensorDatatype datatype : TensorDatatype.values()) {
            WireTensor tensor = ContractSamples.tensor(datatype, seed);

            byte[] bytes = tensor.toBytes();

            assertThat(bytes).hasSize(12 * datatype.bytesPerElement());
            assertThat(WireTensor.fromBytes(tensor.descriptor(), bytes)).isEqualTo(tensor);
        }
    }

    @Test
    void int32ElementsAreLittleEndianAndInt8ElementsAreSigned() {
        WireTensor wide = new WireTensor(TensorDatatype.INT32, List.of(2), new int[] {0x01020304, -2});
        WireTensor narrow = new WireTensor(TensorDatatype.INT8, List.of(2), new int[] {-128, 127});

        assertThat(wide.toBytes()).containsExactly(4, 3, 2, 1, -2, -1, -1, -1);
        assertThat(narrow.toBytes()).containsExactly(-128, 127);
    }

    @Test
    void rejectsDataThatDoesNotMatchItsShapeOrDatatype() {
        assertThatThrownBy(() -> new WireTensor(TensorDatatype.INT8, List.of(2, 2), new int[3]))
                .hasMessageContaining("data: shape [2, 2] needs 4 elements, got 3");
        assertThatThrownBy(() -> new WireTensor(TensorDatatype.INT8, List.of(1), new int[] {128}))
                .hasMessageContaining("data[0]: 128 is outside the range of INT8");
        assertThatThrownBy(() -> WireTensor.fromBytes(TensorDescriptor.of(TensorDatatype.INT32, 3), new byte[11]))
                .hasMessageContaining("tensor bytes: INT32 [3] needs 12 bytes, got 11");
        assertThatThrownBy(() -> TensorDescriptor.of(TensorDatatype.INT8, 1, 0))
                .hasMessageContaining("shape: every dimension must be >= 1");
        assertThatThrownBy(() -> TensorDescriptor.of(TensorDatatype.INT8, 1 << 15, 1 << 15))
                .hasMessageContaining("has more than 268435456 elements");
        assertThatThrownBy(() -> TensorDatatype.parse("datatype", "FP32"))
                .hasMessageContaining("datatype: datatype must be one of INT8, INT32, got 'FP32'");
    }

    @Test
    void theHeaderShapeReadsBack() {
        TensorDescriptor descriptor = TensorDescriptor.of(TensorDatatype.INT8, 3, 32, 32);

        assertThat(descriptor.shapeText()).isEqualTo("3,32,32");
        assertThat(TensorDescriptor.parseShape("shape", " 3, 32,32")).isEqualTo(List.of(3, 32, 32));
        assertThatThrownBy(() -> TensorDescriptor.parseShape("synergy-tensor-shape", "3x32x32"))
                .hasMessageContaining("synergy-tensor-shape: shape must be comma-separated dimensions");
    }
}

package io.synergy.executor.application;

import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.WireTensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputCheckTest {

    @Test
    void acceptsTheModelsShapeAndAShapeWithALeadingBatchOfOne() {
        WireTensor batched = new WireTensor(TensorDatatype.INT8, List.of(1, 2, 2, 2), Fixtures.input().data());

        assertThat(InputCheck.conform(Fixtures.input(), Fixtures.KWS20, "kws20")).isEqualTo(Fixtures.input());
        assertThat(InputCheck.conform(batched, Fixtures.KWS20, "kws20")).isEqualTo(Fixtures.input());
    }

    @Test
    void refusesAnotherDatatypeNamingTheField() {
        WireTensor wide = new WireTensor(TensorDatatype.INT32, List.of(2, 2, 2), new int[8]);

        assertThatThrownBy(() -> InputCheck.conform(wide, Fixtures.KWS20, "kws20"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputs[0].datatype")
                .hasMessageContaining("INT8");
    }

    @Test
    void refusesAnotherShapeNamingTheExpectedOne() {
        WireTensor flat = new WireTensor(TensorDatatype.INT8, List.of(8), new int[8]);

        assertThatThrownBy(() -> InputCheck.conform(flat, Fixtures.KWS20, "kws20"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputs[0].shape")
                .hasMessageContaining("[2, 2, 2]");
    }
}

package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.LayerGeometry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference networks built for these tests have exactly the izer's shapes and weight counts. */
class ReferenceCaseTest {

    static Stream<ReferenceCase> cases() {
        return Stream.concat(ReferenceCase.allConformance().stream(), ReferenceCase.allZoo().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesTheIzersShapesAndWeightCounts(ReferenceCase reference) {
        for (int i = 0; i < reference.network().size(); i++) {
            LayerGeometry g = reference.network().geometry(i);
            var layer = reference.layer(i);
            assertThat(g.input()).as("%s layer %d input", reference, i).isEqualTo(ReferenceCase.shape(layer.get("input_shape")));
            assertThat(g.pooled()).as("%s layer %d pooled", reference, i).isEqualTo(ReferenceCase.shape(layer.get("pooled_shape")));
            assertThat(g.output()).as("%s layer %d output", reference, i).isEqualTo(ReferenceCase.shape(layer.get("output_shape")));
            assertThat(g.weightCount()).as("%s layer %d weights", reference, i).isEqualTo(layer.get("weight_count").asLong());
        }
    }
}

package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every resource figure of the conformance profiles (izer full-model runs on MAX78000). */
class ResourceModelConformanceTest {

    private final ResourceModel model = new ResourceModel();

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.allConformance().stream();
    }

    private ResourceAssessment assess(ReferenceCase c) {
        return model.assess(c.network(), 0, c.network().size(), AcceleratorSpec.MAX78000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheIzersResourceUsage(ReferenceCase c) {
        ResourceAssessment a = assess(c);
        JsonNode expected = c.profile().get("resources");
        assertThat(a.violations()).isEmpty();
        assertThat(a.resources().weightBytes()).isEqualTo(expected.get("weight_memory_used_bytes").asLong());
        assertThat(AcceleratorSpec.MAX78000.weightMemoryBytes())
                .isEqualTo(expected.get("weight_memory_total_bytes").asLong());
        assertThat(a.resources().biasBytes()).isEqualTo(expected.get("bias_memory_used_bytes").asInt());
        assertThat(a.resources().bias().bytesPerGroup()).isEqualTo(ints(expected.get("bias_memory_used_per_group")));
        assertThat(a.resources().layerCount()).isEqualTo(expected.get("layers_used").asInt());
        assertThat(AcceleratorSpec.MAX78000.maxLayers()).isEqualTo(expected.get("max_layers").asInt());
        assertThat(a.resources().kernelRowsUsed()).isEqualTo(expected.get("kernel_memory_rows_used").asInt());
        assertThat(a.mapping().groupsUsed()).isEqualTo(ints(expected.get("groups_used")));
        assertThat(a.mapping().processorsUsed())
                .isEqualTo(ReferenceCase.mask(expected.get("processors_used").asString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void placesEveryLayersKernelsWhereTheIzerDoes(ReferenceCase c) {
        ResourceAssessment a = assess(c);
        for (int i = 0; i < c.network().size(); i++) {
            JsonNode hw = c.hw(i);
            KernelPlacement k = a.resources().kernels().placement(i);
            assertThat(k.offsetRows()).as("%s layer %d kernel offset", c, i).isEqualTo(hw.get("Kernel offset").asInt());
            assertThat(k.lengthRows()).as("%s layer %d kernel length", c, i).isEqualTo(hw.get("Kernel length").asInt());
            assertThat(k.kernelCount()).as("%s layer %d kernel count", c, i).isEqualTo(hw.get("Kernel count").asInt());
            LayerMapping m = a.mapping().layer(i);
            assertThat(m.outputProcessors()).as("%s layer %d output processors", c, i)
                    .isEqualTo(ReferenceCase.mask(hw.get("Output processors").asString()));
            assertThat(m.inputPasses()).as("%s layer %d input expansion", c, i).isEqualTo(hw.get("Input expansion").asInt());
            assertThat(m.outputPasses()).as("%s layer %d output expansion", c, i).isEqualTo(hw.get("Output expansion").asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void putsEveryBiasInTheIzersGroupAndOffset(ReferenceCase c) {
        ResourceAssessment a = assess(c);
        for (int i = 0; i < c.network().size(); i++) {
            JsonNode hw = c.hw(i);
            int layer = i;
            List<BiasPlacement> placements = a.resources().bias().placements().stream()
                    .filter(p -> p.layer() == layer).toList();
            if (hw.get("Quadrant with bias").isNull()) {
                assertThat(placements).as("%s layer %d bias", c, i).isEmpty();
            } else {
                assertThat(placements).as("%s layer %d bias", c, i).hasSize(1);
                assertThat(placements.get(0).group()).isEqualTo(hw.get("Quadrant with bias").asInt());
                assertThat(placements.get(0).offsetBytes()).isEqualTo(hw.get("Bias offset").get(0).asInt());
            }
        }
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }
}

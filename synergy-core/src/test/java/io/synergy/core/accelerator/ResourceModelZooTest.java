package io.synergy.core.accelerator;

import static io.synergy.core.accelerator.ResourceModelConformanceTest.ints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The zoo's whole-model figures (upstream izer, MAX78000) and every segment of the authors' split
 * scripts (their fork of the izer, which places kernels in plain layer order).
 */
class ResourceModelZooTest {

    private final ResourceModel upstream = new ResourceModel();
    private final ResourceModel fork = new ResourceModel(KernelAllocationOrder.LAYER_ORDER);

    static Stream<ReferenceCase> models() {
        return ReferenceCase.allZoo().stream();
    }

    static Stream<ReferenceCase> modelsThatFitOneMax78000() {
        return models().filter(ReferenceCase::fitsOneMax78000);
    }

    /** (model, segment entry of authors_split_segments). */
    static Stream<Arguments> segments() {
        List<Arguments> result = new ArrayList<>();
        for (ReferenceCase c : ReferenceCase.allZoo()) {
            for (JsonNode s : c.profile().get("authors_split_segments")) {
                result.add(Arguments.of(c, new Segment(c, s)));
            }
        }
        return result.stream();
    }

    /** One authors' segment [from, to); the script's "stop after" may exceed the layer count. */
    record Segment(int from, int to, JsonNode figures) {
        Segment(ReferenceCase c, JsonNode s) {
            this(s.get("layers").get(0).asInt(), Math.min(s.get("layers").get(1).asInt(), c.network().size()), s);
        }

        @Override
        public String toString() {
            return "[" + from + ", " + to + ")";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void countsTheWholeModelsWeightsAndLayersLikeTheIzer(ReferenceCase c) {
        SegmentResources r = upstream.resources(c.network(), 0, c.network().size(), AcceleratorSpec.MAX78000);
        JsonNode totals = c.profile().get("totals");
        assertThat(r.weightBytes()).isEqualTo(totals.get("weight_bytes").asLong());
        assertThat(r.layerCount()).isEqualTo(totals.get("layers").asInt());
        int biasValues = 0;
        for (JsonNode layer : c.layers()) {
            biasValues += layer.get("bias_bytes").asInt();
        }
        assertThat(biasValues).isEqualTo(totals.get("bias_bytes").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelsThatFitOneMax78000")
    void fitsOneMax78000WithTheIzersBiasAndKernelPlacement(ReferenceCase c) {
        ResourceAssessment a = upstream.assess(c.network(), 0, c.network().size(), AcceleratorSpec.MAX78000);
        assertThat(a.violations()).isEmpty();
        assertThat(a.resources().biasBytes()).isEqualTo(c.profile().get("totals").get("izer_bias_memory_used_bytes").asInt());
        for (int i = 0; i < c.network().size(); i++) {
            assertMapping(c, a, i);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("segments")
    void everyAuthorsSegmentFitsOneMax78000WithTheIzersFigures(ReferenceCase c, Segment s) {
        for (ResourceModel model : List.of(upstream, fork)) {
            ResourceAssessment a = model.assess(c.network(), s.from(), s.to(), AcceleratorSpec.MAX78000);
            assertThat(a.violations()).as("%s %s, %s", c, s, model.order()).isEmpty();
            assertThat(a.resources().weightBytes()).isEqualTo(s.figures().get("weight_memory_used_bytes").asLong());
            assertThat(a.resources().biasBytes()).isEqualTo(s.figures().get("bias_memory_used_bytes").asInt());
            assertThat(a.resources().bias().bytesPerGroup()).isEqualTo(ints(s.figures().get("bias_memory_used_per_group")));
            assertThat(a.resources().layerCount()).isEqualTo(s.figures().get("layer_count").asInt());
        }
    }

    /** efficientnetv2 and mobilenetv2_075 have their MAX78000 mapping from the (fork's) segment runs. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("segments")
    void placesSegmentKernelsLikeTheForkWhereTheMappingComesFromSegmentRuns(ReferenceCase c, Segment s) {
        if (c.fitsOneMax78000()) {
            return;
        }
        ResourceAssessment a = fork.assess(c.network(), s.from(), s.to(), AcceleratorSpec.MAX78000);
        for (int i = s.from(); i < s.to(); i++) {
            assertThat(c.hw(i).get("source").asString()).contains("segment " + s);
            assertMapping(c, a, i);
        }
    }

    @Test
    void efficientNetV2DoesNotFitOneMax78000ButFitsOneMax78002() {
        ReferenceCase c = ReferenceCase.zoo("efficientnetv2");
        List<ResourceViolation> violations = upstream.check(c.network(), 0, 29, AcceleratorSpec.MAX78000);

        assertThat(violations).extracting(ResourceViolation::limit).containsExactly(ResourceLimit.WEIGHT_MEMORY,
                ResourceLimit.KERNEL_MEMORY, ResourceLimit.BIAS_MEMORY, ResourceLimit.BIAS_GROUP);
        // The izer: "Layer 5: Kernel memory exhausted at processor 0; offset: 644 (0x0284), needed: 128."
        ResourceViolation kernels = violations.get(1);
        assertThat(kernels.layer()).isEqualTo(5);
        assertThat(kernels.need()).isEqualTo(644 + 128);
        assertThat(kernels.capacity()).isEqualTo(768);
        assertThat(kernels.detail()).isEqualTo("processor 0, offset 644, 128 rows");
        assertThat(violations.get(0).need()).isEqualTo(623_968);
        assertThat(violations.get(0).capacity()).isEqualTo(442_368);
        assertThat(violations.get(2).capacity()).isEqualTo(2_048);
        assertThat(violations.get(2).need()).isGreaterThanOrEqualTo(3_252);

        assertThat(upstream.check(c.network(), 0, 29, AcceleratorSpec.MAX78002)).isEmpty();
    }

    @Test
    void mobileNetV2DoesNotFitOneMax78000ButFitsOneMax78002() {
        ReferenceCase c = ReferenceCase.zoo("mobilenetv2_075");
        List<ResourceViolation> violations = upstream.check(c.network(), 0, 56, AcceleratorSpec.MAX78000);

        assertThat(violations).extracting(ResourceViolation::limit).contains(ResourceLimit.LAYERS,
                ResourceLimit.WEIGHT_MEMORY, ResourceLimit.KERNEL_MEMORY, ResourceLimit.BIAS_MEMORY);
        // The izer stops at the layer count: "This device supports up to 32 layers".
        assertThat(violations.get(0)).isEqualTo(ResourceViolation.of(ResourceLimit.LAYERS, 56, 32));
        assertThat(violations.get(1).need()).isEqualTo(815_496);

        assertThat(upstream.check(c.network(), 0, 56, AcceleratorSpec.MAX78002)).isEmpty();
    }

    @Test
    void requireFitsNamesTheLimitTheNeedAndTheCapacity() {
        ReferenceCase c = ReferenceCase.zoo("efficientnetv2");
        assertThatThrownBy(() -> upstream.requireFits(c.network(), 0, 29, AcceleratorSpec.MAX78000))
                .isInstanceOf(SegmentDoesNotFitException.class)
                .hasMessageContaining("segment [0, 29) of efficientnetv2 does not fit MAX78000")
                .hasMessageContaining("weight memory: needs 623968 bytes, capacity 442368 bytes")
                .hasMessageContaining("kernel memory at layer 5: needs 772 rows, capacity 768 rows");
    }

    private static void assertMapping(ReferenceCase c, ResourceAssessment a, int i) {
        JsonNode hw = c.hw(i);
        KernelPlacement k = a.resources().kernels().placement(i);
        LayerMapping m = a.mapping().layer(i);
        assertThat(k.offsetRows()).as("%s layer %d kernel offset", c, i).isEqualTo(hw.get("kernel_offset").asInt());
        assertThat(k.lengthRows()).as("%s layer %d kernel length", c, i).isEqualTo(hw.get("kernel_length").asInt());
        assertThat(k.kernelCount()).as("%s layer %d kernel count", c, i).isEqualTo(hw.get("kernel_count").asInt());
        assertThat(m.processorCount()).as("%s layer %d processors", c, i).isEqualTo(hw.get("processors").asInt());
        assertThat(m.inputPasses()).as("%s layer %d input expansion", c, i).isEqualTo(hw.get("input_expansion").asInt());
        assertThat(m.outputPasses()).as("%s layer %d output expansion", c, i).isEqualTo(hw.get("output_expansion").asInt());
    }
}

package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every per-layer cycle count and total the izer printed for the conformance cases and the zoo. */
class CycleModelTest {

    private final CycleModel cycles = new CycleModel();
    private final ResourceModel upstream = new ResourceModel();
    private final ResourceModel fork = new ResourceModel(KernelAllocationOrder.LAYER_ORDER);

    static Stream<ReferenceCase> fullModelRuns() {
        return Stream.concat(ReferenceCase.allConformance().stream(),
                ReferenceCase.allZoo().stream().filter(ReferenceCase::fitsOneMax78000));
    }

    static Stream<Arguments> segments() {
        return ResourceModelZooTest.segments();
    }

    private SegmentCycles run(ResourceModel model, ReferenceCase c, int from, int to) {
        return cycles.cycles(c.network(), model.assess(c.network(), from, to, AcceleratorSpec.MAX78000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullModelRuns")
    void matchesEveryLayerAndTheTotalOfFullModelRuns(ReferenceCase c) {
        SegmentCycles result = run(upstream, c, 0, c.network().size());
        for (int i = 0; i < c.network().size(); i++) {
            assertThat(result.layer(i)).as("%s layer %d", c, i).isEqualTo(c.cycles(i));
        }
        long total = c.zoo() ? c.profile().get("totals").get("latency_cycles_max78000").asLong()
                : c.profile().get("latency").get("total_cycles").asLong();
        assertThat(result.total()).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("segments")
    void matchesEveryLayerAndTheTotalOfTheAuthorsSegmentRuns(ReferenceCase c, ResourceModelZooTest.Segment s) {
        SegmentCycles result = run(fork, c, s.from(), s.to());
        JsonNode perLayer = s.figures().get("per_layer_latency_cycles");
        for (int i = s.from(); i < s.to(); i++) {
            assertThat(result.layer(i)).as("%s %s layer %d", c, s, i).isEqualTo(perLayer.get(i - s.from()).asLong());
        }
        assertThat(result.total()).isEqualTo(s.figures().get("latency_total_cycles").asLong());
    }

    @Test
    void aPoolLastElementwiseLayerPaysForItsKernelOffset() {
        ReferenceCase c = ReferenceCase.zoo("ressimplenet");
        // Layer 12 (element-wise add, pool_first: false): PreRead = 7 x kernel offset on the MAX78000.
        assertThat(run(upstream, c, 0, 17).layer(12)).isEqualTo(5_632);
        assertThat(upstream.resources(c.network(), 0, 17, AcceleratorSpec.MAX78000).kernels().placement(12)
                .offsetRows()).isEqualTo(556);
        // The authors' fork places kernels in layer order, so in segment [6, 17) the layer moves to row 160.
        assertThat(run(fork, c, 6, 17).layer(12)).isEqualTo(2_860);
        assertThat(fork.resources(c.network(), 6, 17, AcceleratorSpec.MAX78000).kernels().placement(12)
                .offsetRows()).isEqualTo(160);
        // The upstream izer would keep it at row 556 in that segment too.
        assertThat(run(upstream, c, 6, 17).layer(12)).isEqualTo(5_632);
    }

    @Test
    void theMax78002PaysNoPreReadTerm() {
        ReferenceCase c = ReferenceCase.zoo("ressimplenet");
        ResourceAssessment a = upstream.assess(c.network(), 0, 17, AcceleratorSpec.MAX78002);
        LayerTiming timing = cycles.timing(c.network(), a, 12);
        assertThat(timing.paysPreRead()).isFalse();
        assertThat(cycles.layerCycles(timing)).isEqualTo(5_632 - 7 * 556);
    }

    /** Named single-layer shapes with totals pinned by the izer's own izer/test/test_cycles.py. */
    static Stream<Arguments> izerPinnedShapes() {
        return Stream.of(
                Arguments.of("64x20x20 max 2x2/2, 3x3 pad 2, 16 out", new Shape(64, 20, 20), 2, 2, 2, 16, 3049L),
                Arguments.of("3x65x65 max 16x16/4, 3x3 pad 1, 32 out", new Shape(3, 65, 65), 16, 4, 1, 32, 49010L),
                Arguments.of("3x32x32, 3x3 pad 1, 64 out", new Shape(3, 32, 32), 1, 1, 1, 64, 67981L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("izerPinnedShapes")
    void matchesTheIzersPinnedCycleCounts(String name, Shape input, int pool, int poolStride, int pad,
                                          int outputs, long total) {
        Layer.Builder b = Layer.builder(0, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(pad))
                .outputChannels(outputs);
        if (pool > 1) {
            b.pooling(Pooling.MAX, Window.square(pool), Window.square(poolStride));
        }
        Network network = new Network(name, input, DataFormat.HWC, List.of(b.build()));
        ResourceAssessment a = upstream.assess(network, 0, 1, AcceleratorSpec.MAX78000);
        assertThat(cycles.cycles(network, a).total()).isEqualTo(total);
    }
}

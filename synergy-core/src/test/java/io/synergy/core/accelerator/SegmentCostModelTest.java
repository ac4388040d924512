package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCostModelTest {

    private final SegmentCostModel costs = new SegmentCostModel();

    @Test
    void profilesMnistOnMax78000WithTheIzersCyclesAndCpuCopyCosts() {
        ReferenceCase mnist = ReferenceCase.conformance("mnist");
        SegmentProfile p = costs.profile(mnist.network(), 0, 5, AcceleratorSpec.MAX78000);

        assertThat(p.computeCycles()).isEqualTo(70_157);
        assertThat(p.computeMicros()).isCloseTo(70_157 / 50.0, within(1e-9));
        assertThat(p.inputBytes()).isEqualTo(784).isEqualTo(mnist.network().boundaryBytes(0));
        assertThat(p.outputBytes()).isEqualTo(40).isEqualTo(mnist.network().boundaryBytes(5));
        // 196 and 10 words of 6 CPU cycles at 100 MHz.
        assertThat(p.inputLoadCycles()).isEqualTo(196 * 6);
        assertThat(p.outputUnloadCycles()).isEqualTo(10 * 6);
        assertThat(p.ioMicros()).isCloseTo((196 + 10) * 6 / 100.0, within(1e-9));
        assertThat(p.roundMicros()).isCloseTo(p.computeMicros() + p.ioMicros(), within(1e-9));
        assertThat(p.resources().weightBytes()).isEqualTo(71_148);
        assertThat(p.layers()).extracting(LayerProfile::cycles).containsExactly(48_956L, 16_664L, 4_012L, 332L, 192L);
        assertThat(p.layers()).extracting(LayerProfile::macs).containsExactly(423_360L, 8_294_400L, 1_935_360L,
                96_768L, 1_920L);
    }

    @Test
    void chargesWeightLoadingPerProcessorRunOfPackedRowsPlusOneWordPerBiasByte() {
        Layer conv = Layer.builder(0, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                .outputChannels(8).bias(true).build();
        Network network = new Network("tiny", new Shape(4, 8, 8), DataFormat.HWC, List.of(conv));

        SegmentProfile p = costs.profile(network, 0, 1, AcceleratorSpec.MAX78000);

        // 4 processors x (2 header words + 8 rows x 9 B / 4 = 18 words) + 8 bias words = 88 words.
        assertThat(p.weightLoadCycles()).isEqualTo(88 * 6);
        assertThat(p.weightLoadMicros()).isCloseTo(88 * 6 / 100.0, within(1e-9));
    }

    @Test
    void refusesToProfileASegmentThatDoesNotFitButListsItsViolations() {
        ReferenceCase effnet = ReferenceCase.zoo("efficientnetv2");

        assertThatThrownBy(() -> costs.profile(effnet.network(), 0, 29, AcceleratorSpec.MAX78000))
                .isInstanceOf(SegmentDoesNotFitException.class)
                .hasMessageContaining("kernel memory at layer 5: needs 772 rows, capacity 768 rows");
        assertThat(costs.violations(effnet.network(), 0, 29, AcceleratorSpec.MAX78000)).isNotEmpty();
        assertThat(costs.fits(effnet.network(), 0, 20, AcceleratorSpec.MAX78000)).isTrue();
        assertThat(costs.profile(effnet.network(), 0, 29, AcceleratorSpec.MAX78002).resources().weightBytes())
                .isEqualTo(623_968);
    }

    @Test
    void answersARepeatedQueryFromItsCache() {
        ReferenceCase kws = ReferenceCase.zoo("kws");
        SegmentProfile first = costs.profile(kws.network(), 0, 4, AcceleratorSpec.MAX78000);
        assertThat(costs.profile(kws.network(), 0, 4, AcceleratorSpec.MAX78000)).isSameAs(first);
        assertThat(costs.profile(kws.network(), 0, 4, AcceleratorSpec.MAX78002)).isNotSameAs(first);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfEntries() {
        SegmentCostModel small = new SegmentCostModel(new ResourceModel(), new CycleModel(), LoadingCostModel.DEFAULT, 1);
        ReferenceCase kws = ReferenceCase.zoo("kws");
        SegmentProfile first = small.profile(kws.network(), 0, 4, AcceleratorSpec.MAX78000);
        small.profile(kws.network(), 4, 9, AcceleratorSpec.MAX78000);
        SegmentProfile again = small.profile(kws.network(), 0, 4, AcceleratorSpec.MAX78000);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aSplitsComputeCyclesAreTheWholeModelsPlusOneStartupPerExtraSegment() {
        ReferenceCase simplenet = ReferenceCase.zoo("simplenet");
        long whole = costs.profile(simplenet.network(), 0, 14, AcceleratorSpec.MAX78000).computeCycles();
        long split = costs.profile(simplenet.network(), 0, 6, AcceleratorSpec.MAX78000).computeCycles()
                + costs.profile(simplenet.network(), 6, 14, AcceleratorSpec.MAX78000).computeCycles();
        assertThat(split).isEqualTo(whole + CycleModel.STARTUP_CYCLES);
    }
}

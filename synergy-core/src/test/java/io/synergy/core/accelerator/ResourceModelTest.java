package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits a segment can break, on small hand-built networks (processors packed from 0). */
class ResourceModelTest {

    private final ResourceModel model = new ResourceModel();

    private static Layer conv(int index, int outputs) {
        return Layer.builder(index, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                .outputChannels(outputs).build();
    }

    @Test
    void rejectsSegmentWhoseBiasExceedsItsGroup() {
        Layer linear = Layer.builder(0, Operation.LINEAR).outputChannels(600).bias(true).outputWidth(32).build();
        Network network = new Network("wide-bias", new Shape(64, 1, 1), DataFormat.HWC, List.of(linear));

        assertThat(model.check(network, 0, 1, AcceleratorSpec.MAX78000)).containsExactly(new ResourceViolation(
                ResourceLimit.BIAS_GROUP, 600, 512, 0, "group 0: 0 bytes used, 600 more needed"));
        assertThat(model.check(network, 0, 1, AcceleratorSpec.MAX78002)).isEmpty();
    }

    @Test
    void rejectsDepthwiseConvolutionOnMax78000Only() {
        Layer depthwise = Layer.builder(0, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                .convGroups(16).outputChannels(16).bias(true).build();
        Network network = new Network("depthwise", new Shape(16, 8, 8), DataFormat.HWC, List.of(depthwise));

        assertThat(model.check(network, 0, 1, AcceleratorSpec.MAX78000)).extracting(ResourceViolation::limit)
                .containsExactly(ResourceLimit.DEPTHWISE);
        assertThat(model.check(network, 0, 1, AcceleratorSpec.MAX78002)).isEmpty();
        assertThat(model.resources(network, 0, 1, AcceleratorSpec.MAX78002).needsDepthwise()).isTrue();
    }

    @Test
    void rejectsMoreLayersThanTheDeviceHas() {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            layers.add(conv(i, 4));
        }
        Network network = new Network("deep", new Shape(4, 8, 8), DataFormat.HWC, layers);

        assertThat(model.check(network, 0, 33, AcceleratorSpec.MAX78000))
                .containsExactly(ResourceViolation.of(ResourceLimit.LAYERS, 33, 32));
        assertThat(model.check(network, 0, 32, AcceleratorSpec.MAX78000)).isEmpty();
        assertThat(model.check(network, 1, 33, AcceleratorSpec.MAX78000)).isEmpty();
    }

    @Test
    void rejectsALayerWhoseOutputOverflowsADataMemoryInstance() {
        // 16 x 128 x 128 HWC output: 4 bytes per pixel in every instance = 65,536 B > 32 KiB.
        Network network = new Network("big-map", new Shape(3, 128, 128), DataFormat.HWC, List.of(conv(0, 16)));

        assertThat(model.check(network, 0, 1, AcceleratorSpec.MAX78000)).containsExactly(new ResourceViolation(
                ResourceLimit.DATA_MEMORY, 65_536, 32_768, 0, "largest input or output per instance"));
        assertThat(model.check(network, 0, 1, AcceleratorSpec.MAX78002)).isEmpty();
    }

    @Test
    void countsOneByteperPixelForAChwNetworkInput() {
        Layer pool = Layer.builder(0, Operation.PASSTHROUGH).pooling(Pooling.MAX, Window.square(2), Window.square(2))
                .outputChannels(3).build();
        Network chw = new Network("chw", new Shape(3, 100, 100), DataFormat.CHW, List.of(pool));
        Network hwc = new Network("hwc", new Shape(3, 100, 100), DataFormat.HWC, List.of(pool));

        assertThat(model.resources(chw, 0, 1, AcceleratorSpec.MAX78000).data().bytesPerInstance()).isEqualTo(10_000);
        assertThat(model.resources(hwc, 0, 1, AcceleratorSpec.MAX78000).data().bytesPerInstance()).isEqualTo(40_000);
    }

    @Test
    void countsAResetLayerForAveragePoolingAfterAnElementwiseLayerOnMax78002() {
        Layer add = Layer.builder(1, Operation.PASSTHROUGH).inSequences(List.of(-1, 0))
                .eltwise(ElementwiseOp.ADD, 2).outputChannels(8).build();
        Layer pooled = Layer.builder(2, Operation.CONV2D).pooling(Pooling.AVG, Window.square(2), Window.square(2))
                .kernel(Window.square(3)).padding(Window.square(1)).outputChannels(8).build();
        Network network = new Network("residual", new Shape(8, 8, 8), DataFormat.HWC, List.of(conv(0, 8), add, pooled));

        assertThat(model.resources(network, 0, 3, AcceleratorSpec.MAX78000).layerCount()).isEqualTo(3);
        assertThat(model.resources(network, 0, 3, AcceleratorSpec.MAX78002).layerCount()).isEqualTo(4);
        assertThat(model.resources(network, 2, 3, AcceleratorSpec.MAX78002).layerCount()).isEqualTo(1);
    }

    @Test
    void packsOneByOneKernelsNinePerRow() {
        Layer pointwise = Layer.builder(0, Operation.CONV2D).outputChannels(20).build();
        Network network = new Network("pointwise", new Shape(8, 4, 4), DataFormat.HWC, List.of(pointwise));

        KernelPlacement k = model.resources(network, 0, 1, AcceleratorSpec.MAX78000).kernels().placement(0);
        assertThat(k.kernelCount()).isEqualTo(20);
        assertThat(k.lengthRows()).isEqualTo(3);
        assertThat(k.processors()).isEqualTo(0xffL);
    }

    @Test
    void packsSubByteKernelsSeveralToAByte() {
        Layer twoBit = Layer.builder(0, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                .weightBits(2).outputChannels(64).build();
        Network network = new Network("two-bit", new Shape(8, 4, 4), DataFormat.HWC, List.of(twoBit));

        // 64 kernels of 9 x 2 bits = 1,152 bits = 16 rows of 72 bits; weight bytes 8 x 64 x 9 x 2 / 8.
        SegmentResources r = model.resources(network, 0, 1, AcceleratorSpec.MAX78000);
        assertThat(r.kernels().placement(0).lengthRows()).isEqualTo(16);
        assertThat(r.weightBytes()).isEqualTo(1_152);
    }

    @Test
    void rejectsAnEmptyOrOutOfRangeSegment() {
        Network network = new Network("one", new Shape(4, 8, 8), DataFormat.HWC, List.of(conv(0, 4)));
        assertThatThrownBy(() -> model.check(network, 0, 0, AcceleratorSpec.MAX78000))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0 <= from < to <= 1");
        assertThatThrownBy(() -> model.check(network, 0, 2, AcceleratorSpec.MAX78000))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}

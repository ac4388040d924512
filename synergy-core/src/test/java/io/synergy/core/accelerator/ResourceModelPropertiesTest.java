package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.ProcessorMapping;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of placement and cost over seeded random convolution chains on both devices. Processor
 * maps start at a multiple of 4 so that every layer's kernels occupy exactly [offset, offset + length).
 */
class ResourceModelPropertiesTest {

    private final ResourceModel model = new ResourceModel();
    private final CycleModel cycles = new CycleModel();

    static Stream<Arguments> randomNetworks() {
        return LongStream.range(0, 60).boxed().flatMap(seed -> Stream.of(
                Arguments.of(seed, AcceleratorSpec.MAX78000), Arguments.of(seed, AcceleratorSpec.MAX78002)));
    }

    static Network randomChain(long seed) {
        Random random = new Random(seed);
        int channels = 1 + random.nextInt(64);
        int size = 4 + random.nextInt(13);
        Shape input = new Shape(channels, size, size);
        int count = 1 + random.nextInt(14);
        List<Layer> layers = new ArrayList<>();
        int in = channels;
        for (int i = 0; i < count; i++) {
            int out = 1 + random.nextInt(130);
            boolean threeByThree = random.nextBoolean();
            int[] bits = {1, 2, 4, 8};
            int perPass = Passes.passChannels(in, 64, 4);
            int start = 4 * random.nextInt((64 - perPass) / 4 + 1);
            layers.add(Layer.builder(i, Operation.CONV2D)
                    .kernel(Window.square(threeByThree ? 3 : 1)).padding(Window.square(threeByThree ? 1 : 0))
                    .outputChannels(out).weightBits(bits[random.nextInt(4)]).bias(random.nextInt(3) == 0)
                    .mapping(new ProcessorMapping(Passes.packedMask(perPass) << start, 0, ProcessorMapping.UNSET,
                            ProcessorMapping.UNSET, 0))
                    .build());
            in = out;
        }
        return new Network("random-" + seed, input, DataFormat.HWC, layers);
    }

    @ParameterizedTest(name = "seed {0} on {1}")
    @MethodSource("randomNetworks")
    void kernelsOfLayersSharingAProcessorNeverOverlapAndStartAtAMultipleOfFour(long seed, AcceleratorSpec spec) {
        Network network = randomChain(seed);
        ResourceAssessment a = model.assess(network, 0, network.size(), spec);
        List<KernelPlacement> placed = a.resources().kernels().placements();
        int rowsUsed = 0;
        for (KernelPlacement k : placed) {
            assertThat(k.offsetRows() % 4).isZero();
            rowsUsed = Math.max(rowsUsed, k.endRow());
            for (KernelPlacement other : placed) {
                if (other.layer() < k.layer() && (other.processors() & k.processors()) != 0) {
                    assertThat(other.endRow() <= k.offsetRows() || k.endRow() <= other.offsetRows())
                            .as("layers %d and %d overlap", other.layer(), k.layer()).isTrue();
                }
            }
        }
        assertThat(a.resources().kernelRowsUsed()).isEqualTo(rowsUsed);
        boolean kernelsFit = a.violations().stream().noneMatch(v -> v.limit() == ResourceLimit.KERNEL_MEMORY);
        boolean withinRows = placed.stream().allMatch(k -> {
            for (int p = 0; p < spec.processors(); p++) {
                if ((k.processors() >>> p & 1) != 0 && k.endRow() > spec.kernelRows(p)) {
                    return false;
                }
            }
            return true;
        });
        assertThat(withinRows).isEqualTo(kernelsFit);
    }

    @ParameterizedTest(name = "seed {0} on {1}")
    @MethodSource("randomNetworks")
    void biasOfAGroupIsTheSumOfItsPlacementsAndOverflowsOnlyWithAViolation(long seed, AcceleratorSpec spec) {
        Network network = randomChain(seed);
        ResourceAssessment a = model.assess(network, 0, network.size(), spec);
        BiasAllocation bias = a.resources().bias();
        for (int g = 0; g < spec.groups(); g++) {
            int group = g;
            int sum = bias.placements().stream().filter(p -> p.group() == group).mapToInt(BiasPlacement::lengthBytes).sum();
            assertThat(bias.bytesPerGroup().get(g)).isEqualTo(sum);
        }
        boolean groupsFit = bias.bytesPerGroup().stream().allMatch(b -> b <= spec.biasMemory().bytesPerGroup());
        assertThat(a.violations().stream().noneMatch(v -> v.limit() == ResourceLimit.BIAS_GROUP)).isEqualTo(groupsFit);
        assertThat(bias.placements()).extracting(BiasPlacement::layer)
                .containsExactlyElementsOf(network.layers().stream().filter(Layer::bias).map(Layer::index).toList());
    }

    @ParameterizedTest(name = "seed {0} on {1}")
    @MethodSource("randomNetworks")
    void weightsAddUpAcrossAnySplitAndCyclesAreOneStartupPlusTheLayers(long seed, AcceleratorSpec spec) {
        Network network = randomChain(seed);
        int n = network.size();
        long whole = model.resources(network, 0, n, spec).weightBytes();
        for (int split = 1; split < n; split++) {
            assertThat(model.resources(network, 0, split, spec).weightBytes()
                    + model.resources(network, split, n, spec).weightBytes()).isEqualTo(whole);
        }
        SegmentCycles c = cycles.cycles(network, model.assess(network, 0, n, spec));
        assertThat(c.layerCycles()).allMatch(v -> v > 0);
        assertThat(c.total()).isEqualTo(1 + c.layerCycles().stream().mapToLong(Long::longValue).sum());
    }
}

package io.synergy.core.network.ai8x;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.ProcessorMapping;
import io.synergy.core.network.Window;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an izer network description ({@code layers:} in the YAML) with the izer's defaults
 * and synonyms applied (ai8x-synthesis {@code izer/yamlcfg.py}, function {@code parse}). It holds
 * only what the YAML says; what the checkpoint decides (output channels, weight bits, bias, output
 * shift) is added by {@link LayerCompletion}. The three nullable overrides are YAML keys the izer
 * lets win over the checkpoint.
 *
 * @param index             position in {@code layers:} (the izer's layer sequence number)
 * @param name              the {@code name} key, or null
 * @param inSequences       resolved {@code in_sequences} (names turned into indices, -1 = input);
 *                          empty = the previous layer
 * @param kernel            (k, 1) for conv1d, (1, 1) for linear and passthrough
 * @param padding           (p, 0) for conv1d
 * @param dataFormat        the {@code data_format} key, or null when absent
 * @param weightBits        the {@code quantization} key (1, 2, 4, 8), or null: the checkpoint decides
 * @param outputShift       the {@code output_shift} key (before the izer adds 8 - bits), or null
 * @param outputChannels    the {@code out_channels} key, or null: the weights decide
 */
public record Ai8xLayerDescription(int index, String name, Operation operation, List<Integer> inSequences,
                                   ElementwiseOp eltwise, int operands, boolean poolFirst,
                                   Pooling pooling, Window pool, Window poolStride,
                                   Window kernel, Window padding, Window stride, Window dilation,
                                   Window outputPadding, int convGroups, boolean flatten, int outputWidth,
                                   Activation activation, boolean output, boolean streaming,
                                   DataFormat dataFormat, ProcessorMapping mapping,
                                   Integer weightBits, Integer outputShift, Integer outputChannels) {

    public Ai8xLayerDescription {
        Objects.requireNonNull(operation, "operation");
        inSequences = List.copyOf(inSequences);
        Objects.requireNonNull(eltwise, "eltwise");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(poolStride, "poolStride");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(dilation, "dilation");
        Objects.requireNonNull(outputPadding, "outputPadding");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(mapping, "mapping");
    }

    public boolean hasWeights() {
        return operation.hasWeights();
    }
}

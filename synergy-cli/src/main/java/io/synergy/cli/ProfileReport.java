package io.synergy.cli;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.CycleModel;
import io.synergy.core.accelerator.OperationCounts;
import io.synergy.core.accelerator.ResourceAssessment;
import io.synergy.core.accelerator.ResourceModel;
import io.synergy.core.accelerator.ResourceViolation;
import io.synergy.core.accelerator.SegmentCycles;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code model profile} contract: per layer its shapes, bytes, MACs and cycles on one device, the
 * totals, and per known device whether the whole network fits and which limits it breaks. Field names
 * are the contract's; {@code model} and {@code device} are additions.
 *
 * <p>Cycles are the izer's per-layer formula on the given device's layout of the whole network; for a
 * network that does not fit the device they are what its layers would cost on one with room for
 * them (for the zoo, the sum of the authors' segment runs).
 *
 * @param totalCycles CNN-clock cycles: one startup cycle plus every layer, the izer's "Total"
 * @param weightBytes sum over layers of weight count x weight bits / 8
 * @param biasBytes   int8 bias values (without the toolchain's alignment padding)
 * @param fits        by lower-case device name
 */
record ProfileReport(String model, String device, List<LayerRow> layers, long totalCycles, long weightBytes,
                     long biasBytes, Map<String, DeviceFit> fits) {

    /** One layer; shapes as the toolchain reports them (C x H x W, C x L for conv1d). */
    record LayerRow(int index, String name, String op, int[] inShape, int[] outShape, long weightBytes,
                    long biasBytes, long macs, long cycles) {
    }

    record DeviceFit(boolean fits, List<Violation> violations) {
    }

    /** A broken limit: its name, the need, the capacity (both in {@code unit}) and the layer, if any. */
    record Violation(String limit, long need, long capacity, String unit, Integer layer, String message) {

        static Violation of(ResourceViolation v) {
            return new Violation(v.limit().label(), v.need(), v.capacity(), v.limit().unit(),
                    v.hasLayer() ? v.layer() : null, v.message());
        }
    }

    static ProfileReport of(Network network, AcceleratorSpec device) {
        ResourceModel resources = new ResourceModel();
        ResourceAssessment assessment = resources.assess(network, 0, network.size(), device);
        SegmentCycles cycles = new CycleModel().cycles(network, assessment);
        List<LayerRow> rows = new ArrayList<>();
        long weightBytes = 0;
        long biasBytes = 0;
        for (Layer layer : network.layers()) {
            int i = layer.index();
            long weights = network.geometry(i).weightCount() * layer.weightBits() / 8;
            long bias = layer.bias() ? layer.outputChannels() : 0;
            rows.add(new LayerRow(i, layer.name(), operationName(layer.operation()), ToolchainLayout.inputDims(network, i),
                    ToolchainLayout.outputDims(network, i), weights, bias, OperationCounts.macs(network, i),
                    cycles.layer(i)));
            weightBytes += weights;
            biasBytes += bias;
        }
        Map<String, DeviceFit> fits = new LinkedHashMap<>();
        for (AcceleratorSpec spec : AcceleratorSpec.known()) {
            List<Violation> violations = resources.check(network, 0, network.size(), spec).stream()
                    .map(Violation::of).toList();
            fits.put(spec.name().toLowerCase(Locale.ROOT), new DeviceFit(violations.isEmpty(), violations));
        }
        return new ProfileReport(network.name(), device.name().toLowerCase(Locale.ROOT), rows, cycles.total(),
                weightBytes, biasBytes, fits);
    }

    /** The toolchain's operation names, as in its profiles. */
    static String operationName(Operation operation) {
        return operation == Operation.CONV_TRANSPOSE2D ? "convtranspose2d" : operation.name().toLowerCase(Locale.ROOT);
    }
}

package io.synergy.core.accelerator;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;
import io.synergy.core.network.Pooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what a segment [from, to) of a network needs on a device and which limits it breaks, the
 * way the vendor toolchain (the ai8x-synthesis izer) would when given exactly these layers.
 * Stateless and thread-safe.
 */
public final class ResourceModel {

    private final KernelAllocationOrder order;

    /** The current upstream izer's rules ({@link KernelAllocationOrder#FULL_MAP_FIRST}). */
    public ResourceModel() {
        this(KernelAllocationOrder.FULL_MAP_FIRST);
    }

    public ResourceModel(KernelAllocationOrder order) {
        this.order = Objects.requireNonNull(order, "order");
    }

    public KernelAllocationOrder order() {
        return order;
    }

    public SegmentResources resources(Network network, int from, int to, AcceleratorSpec spec) {
        return assess(network, from, to, spec).resources();
    }

    /** The limits the segment breaks on the device; empty when it fits. */
    public List<ResourceViolation> check(Network network, int from, int to, AcceleratorSpec spec) {
        return assess(network, from, to, spec).violations();
    }

    /** @throws SegmentDoesNotFitException naming every broken limit, its need and its capacity */
    public SegmentResources requireFits(Network network, int from, int to, AcceleratorSpec spec) {
        ResourceAssessment assessment = assess(network, from, to, spec);
        if (!assessment.fits()) {
            throw new SegmentDoesNotFitException(describe(network, from, to), spec, assessment.violations());
        }
        return assessment.resources();
    }

    public ResourceAssessment assess(Network network, int from, int to, AcceleratorSpec spec) {
        SegmentMapping mapping = SegmentMapping.of(network, from, to, spec);
        KernelAllocator.Outcome kernels = KernelAllocator.allocate(network, mapping, spec, order);
        BiasAllocator.Outcome bias = BiasAllocator.allocate(network, mapping, spec);
        long weightBytes = 0;
        boolean depthwise = false;
        int firstDepthwise = ResourceViolation.NO_LAYER;
        int depthwiseLayers = 0;
        for (int i = from; i < to; i++) {
            Layer layer = network.layer(i);
            // izer/stats.py, "Weight memory": count x bits / 8, truncated per layer.
            weightBytes += network.geometry(i).weightCount() * layer.weightBits() / 8;
            if (layer.convGroups() > 1) {
                depthwise = true;
                depthwiseLayers++;
                if (firstDepthwise == ResourceViolation.NO_LAYER) {
                    firstDepthwise = i;
                }
            }
        }
        DataMemoryUse data = dataMemory(network, mapping);
        int layerCount = layerCount(network, from, to, spec);
        SegmentResources resources = new SegmentResources(from, to, weightBytes, kernels.allocation(),
                bias.allocation(), data, layerCount, depthwise);

        List<ResourceViolation> violations = new ArrayList<>();
        if (layerCount > spec.maxLayers()) {
            violations.add(ResourceViolation.of(ResourceLimit.LAYERS, layerCount, spec.maxLayers()));
        }
        if (weightBytes > spec.weightMemoryBytes()) {
            violations.add(ResourceViolation.of(ResourceLimit.WEIGHT_MEMORY, weightBytes, spec.weightMemoryBytes()));
        }
        if (kernels.overflow() != null) {
            violations.add(kernels.overflow());
        }
        if (resources.biasBytes() > spec.biasMemory().totalBytes()) {
            violations.add(ResourceViolation.of(ResourceLimit.BIAS_MEMORY, resources.biasBytes(),
                    spec.biasMemory().totalBytes()));
        }
        if (bias.overflow() != null) {
            violations.add(bias.overflow());
        }
        if (data.bytesPerInstance() > spec.dataMemory().instanceBytes()) {
            violations.add(new ResourceViolation(ResourceLimit.DATA_MEMORY, data.bytesPerInstance(),
                    spec.dataMemory().instanceBytes(), data.layer(), "largest input or output per instance"));
        }
        if (depthwise && !spec.depthwise()) {
            violations.add(new ResourceViolation(ResourceLimit.DEPTHWISE, depthwiseLayers, 0, firstDepthwise,
                    spec.name() + " has no depthwise convolution"));
        }
        return new ResourceAssessment(spec, mapping, resources, violations);
    }

    private static DataMemoryUse dataMemory(Network network, SegmentMapping mapping) {
        long most = 0;
        int at = mapping.from();
        for (LayerMapping m : mapping.layers()) {
            LayerGeometry g = network.geometry(m.layer());
            Layer layer = network.layer(m.layer());
            boolean chw = m.layer() == 0 && network.inputFormat() == DataFormat.CHW;
            long in = (long) g.input().pixels() * m.inputPasses() * layer.operands() * (chw ? 1 : 4);
            long out = (long) g.output().pixels() * m.outputPasses() * 4 * layer.outputWidth() / 8;
            long need = Math.max(in, out);
            if (need > most) {
                most = need;
                at = m.layer();
            }
        }
        return new DataMemoryUse(most, at);
    }

    /**
     * Layers plus, on devices that need it, one reset layer before each average-pooling layer that
     * directly follows an element-wise layer ({@code izer/izer.py}, {@code avgpool_reset_layer}).
     */
    private static int layerCount(Network network, int from, int to, AcceleratorSpec spec) {
        int count = to - from;
        if (spec.rules().avgPoolResetLayer()) {
            for (int i = from + 1; i < to; i++) {
                if (network.layer(i - 1).operands() > 1 && network.layer(i).pooling() == Pooling.AVG) {
                    count++;
                }
            }
        }
        return count;
    }

    static String describe(Network network, int from, int to) {
        return "segment [" + from + ", " + to + ") of " + network.name();
    }
}

package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The processor mapping of every layer of a segment [from, to) on one device, and the processors
 * and groups the segment uses. The segment is treated the way the izer treats a network that
 * consists of exactly these layers (the authors' {@code --skip-yaml-layers a --stop-after b} runs).
 */
public record SegmentMapping(int from, int to, List<LayerMapping> layers, long processorsUsed, List<Integer> groupsUsed) {

    public SegmentMapping {
        layers = List.copyOf(layers);
        groupsUsed = List.copyOf(groupsUsed);
    }

    public static SegmentMapping of(Network network, int from, int to, AcceleratorSpec spec) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(spec, "spec");
        if (from < 0 || to > network.size() || from >= to) {
            throw new IndexOutOfBoundsException("segment [" + from + ", " + to + ") of network " + network.name()
                    + " with " + network.size() + " layers: need 0 <= from < to <= " + network.size());
        }
        int shared = spec.dataMemory().processorsPerInstance();
        List<LayerMapping> mappings = new ArrayList<>(to - from);
        long used = 0;
        for (int i = from; i < to; i++) {
            Layer layer = network.layer(i);
            int in = network.geometry(i).pooled().channels();
            int out = layer.outputChannels();
            long processors = processorsOf(network, i, spec);
            long outputs = layer.mapping().outputProcessors();
            if (outputs == 0) {
                outputs = i + 1 < to ? processorsOf(network, i + 1, spec)
                        : Passes.packedMask(Passes.passChannels(out, spec.processors(), shared));
            }
            mappings.add(new LayerMapping(i, processors, outputs, in, Passes.passes(in, spec.processors()),
                    Passes.passes(out, spec.processors()), Passes.passChannels(out, spec.processors(), shared)));
            used |= processors;
        }
        // izer/backend/max7800x.py: the groups used are those of any layer's input processors or of the
        // final layer's output processors.
        long touched = used | mappings.get(mappings.size() - 1).outputProcessors();
        List<Integer> groups = new ArrayList<>();
        for (int g = 0; g < spec.groups(); g++) {
            if (Passes.groupBits(touched, g, spec.processorsPerGroup()) != 0) {
                groups.add(g);
            }
        }
        return new SegmentMapping(from, to, mappings, used, groups);
    }

    private static long processorsOf(Network network, int index, AcceleratorSpec spec) {
        long processors = network.layer(index).mapping().processors();
        if (processors != 0) {
            return processors;
        }
        int in = network.geometry(index).pooled().channels();
        return Passes.packedMask(Passes.passChannels(in, spec.processors(), spec.dataMemory().processorsPerInstance()));
    }

    public LayerMapping layer(int index) {
        return layers.get(index - from);
    }
}

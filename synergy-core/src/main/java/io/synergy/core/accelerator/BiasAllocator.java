package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Allocates bias memory the way ai8x-synthesis {@code izer/kbias.py} {@code load} does.
 *
 * <ul>
 *   <li>Depthwise layers first, in layer order: their values go to every group whose processors they
 *       use. Our model of them is simplified (no reference data): each such group gets one byte per
 *       used processor and output pass, 4-aligned when input and output processors coincide
 *       ("broadcast mode").</li>
 *   <li>Then every other layer with a bias is one item of a first-fit-decreasing bin packing over the
 *       groups the segment uses: it needs its output channels plus, when its output processors start
 *       inside a data-memory instance, the skipped lanes times the output passes. Items are taken in
 *       this order, ties in layer order: flattening layers first on the MAX78000
 *       ({@code REQUIRE_FLATTEN_BIAS_FIRST}), then layers restricted to one group, then by decreasing
 *       size. Each goes to the first group with the fewest bytes used so far.</li>
 * </ul>
 * A layer is assumed to have at least one non-zero bias value (the izer ignores all-zero biases; the
 * network model knows only whether a bias exists). Where a group overflows, the first overflow is
 * recorded, as the izer stops there, and allocation continues so that the totals stay meaningful.
 */
final class BiasAllocator {

    record Outcome(BiasAllocation allocation, ResourceViolation overflow) {
    }

    private record Item(int layer, int lengthBytes, boolean flatten, int groupChoices) {
    }

    private BiasAllocator() {
    }

    static Outcome allocate(Network network, SegmentMapping mapping, AcceleratorSpec spec) {
        int capacity = spec.biasMemory().bytesPerGroup();
        int perGroup = spec.processorsPerGroup();
        int align = spec.dataMemory().processorsPerInstance();
        int[] used = new int[spec.groups()];
        List<BiasPlacement> placements = new ArrayList<>();
        ResourceViolation overflow = null;
        List<Item> items = new ArrayList<>();
        for (LayerMapping m : mapping.layers()) {
            Layer layer = network.layer(m.layer());
            if (!layer.bias()) {
                continue;
            }
            if (layer.convGroups() == 1) {
                int skippedLanes = Passes.first(m.outputProcessors()) % align;
                items.add(new Item(m.layer(), layer.outputChannels() + skippedLanes * m.outputPasses(),
                        layer.flatten(), mapping.groupsUsed().size()));
                continue;
            }
            boolean broadcast = m.processors() == m.outputProcessors();
            for (int g = 0; g < spec.groups(); g++) {
                int count = Long.bitCount(Passes.groupBits(m.processors(), g, perGroup));
                if (count == 0) {
                    continue;
                }
                if (broadcast) {
                    used[g] = Passes.roundUp(used[g], align);
                }
                int length = count * m.outputPasses();
                if (used[g] + length > capacity && overflow == null) {
                    overflow = groupOverflow(m.layer(), g, used[g], length, capacity);
                }
                placements.add(new BiasPlacement(m.layer(), g, used[g], length));
                used[g] += length;
            }
        }
        boolean flattenFirst = spec.rules().flattenBiasFirst();
        items.sort(Comparator.comparingInt(item -> packingKey(item, flattenFirst, capacity)));
        for (Item item : items) {
            int best = mapping.groupsUsed().get(0);
            for (int g : mapping.groupsUsed()) {
                if (used[g] < used[best]) {
                    best = g;
                }
            }
            if (used[best] + item.lengthBytes() > capacity && overflow == null) {
                overflow = groupOverflow(item.layer(), best, used[best], item.lengthBytes(), capacity);
            }
            placements.add(new BiasPlacement(item.layer(), best, used[best], item.lengthBytes()));
            used[best] += item.lengthBytes();
        }
        placements.sort(Comparator.comparingInt(BiasPlacement::layer).thenComparingInt(BiasPlacement::group));
        List<Integer> bytes = new ArrayList<>();
        for (int u : used) {
            bytes.add(u);
        }
        return new Outcome(new BiasAllocation(bytes, placements), overflow);
    }

    private static int packingKey(Item item, boolean flattenFirst, int capacity) {
        if (flattenFirst && item.flatten()) {
            return -1;
        }
        if (item.groupChoices() == 1) {
            return 0;
        }
        return capacity - item.lengthBytes();
    }

    private static ResourceViolation groupOverflow(int layer, int group, int usedBytes, int lengthBytes, int capacity) {
        return new ResourceViolation(ResourceLimit.BIAS_GROUP, (long) usedBytes + lengthBytes, capacity, layer,
                "group " + group + ": " + usedBytes + " bytes used, " + lengthBytes + " more needed");
    }
}

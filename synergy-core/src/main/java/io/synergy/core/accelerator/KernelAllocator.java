package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Places the kernels of a segment's layers the way the izer's greedy allocator does
 * (ai8x-synthesis {@code izer/kernels.py} {@code load}, {@code search_kernel_mem}, new kernel loader):
 * for each layer, the lowest offset, a multiple of 4, at which every processor of the layer has
 * {@code length} free rows; on the MAX78002 a layer that uses only the first processor of groups is
 * placed from the top of their extended memory downwards first.
 *
 * <p>Where the izer stops with "Kernel memory exhausted", this allocator records that first overflow
 * (layer, processor, offset, rows) and keeps placing beyond the device's rows, so that the figures of a
 * segment that does not fit still say how much it would need. One instance per call; not thread-safe.
 */
final class KernelAllocator {

    record Outcome(KernelAllocation allocation, ResourceViolation overflow) {
    }

    private final AcceleratorSpec spec;
    private final int align;
    private final BitSet[] occupied;
    private ResourceViolation overflow;
    private int layer;

    private KernelAllocator(AcceleratorSpec spec) {
        this.spec = spec;
        this.align = spec.dataMemory().processorsPerInstance();
        this.occupied = new BitSet[spec.processors()];
        for (int p = 0; p < occupied.length; p++) {
            occupied[p] = new BitSet();
        }
    }

    static Outcome allocate(Network network, SegmentMapping mapping, AcceleratorSpec spec,
                            KernelAllocationOrder order) {
        return new KernelAllocator(spec).run(network, mapping, order);
    }

    private Outcome run(Network network, SegmentMapping mapping, KernelAllocationOrder order) {
        int from = mapping.from();
        KernelPlacement[] placements = new KernelPlacement[mapping.to() - from];
        for (int i : placementOrder(mapping, order)) {
            placements[i - from] = place(network.layer(i), network, mapping.layer(i));
        }
        int rowsUsed = 0;
        for (KernelPlacement p : placements) {
            rowsUsed = Math.max(rowsUsed, p.endRow());
        }
        return new Outcome(new KernelAllocation(from, List.of(placements), rowsUsed), overflow);
    }

    private List<Integer> placementOrder(SegmentMapping mapping, KernelAllocationOrder order) {
        List<Integer> result = new ArrayList<>();
        if (order == KernelAllocationOrder.FULL_MAP_FIRST) {
            for (LayerMapping m : mapping.layers()) {
                if (m.processors() == spec.allProcessors()) {
                    result.add(m.layer());
                }
            }
        }
        for (LayerMapping m : mapping.layers()) {
            if (order == KernelAllocationOrder.LAYER_ORDER || m.processors() != spec.allProcessors()) {
                result.add(m.layer());
            }
        }
        return result;
    }

    private KernelPlacement place(Layer l, Network network, LayerMapping m) {
        if (!l.hasWeights()) {
            return new KernelPlacement(l.index(), 0, 0, 0, m.processors());
        }
        layer = l.index();
        KernelShape shape = KernelShape.of(l, network.geometry(l.index()), m, spec);
        boolean instanceBound = spec.rules().depthwiseKernelsInOneInstance() && l.convGroups() > 1;
        int offset = -1;
        if (usesOnlyExtendedProcessors(m.processors())
                && (!instanceBound || shape.lengthRows() <= spec.kernelMemory().extensionInstanceRows())) {
            int top = searchDown(m.processors(), shape.lengthRows(), instanceBound);
            if (top >= 0) {
                offset = (top - (shape.lengthRows() - 1)) & -align;
            }
        }
        if (offset < 0) {
            offset = Passes.roundUp(searchUp(m.processors(), shape.lengthRows(), instanceBound), align);
        }
        long processors = m.processors();
        for (int p = 0; p < spec.processors(); p++) {
            if ((processors >>> p & 1) != 0) {
                if (offset + shape.endRow() > spec.kernelRows(p)) {
                    // The rows written can extend past the length when the output map starts mid-instance.
                    exhausted(p, offset, shape.endRow());
                }
                occupied[p].set(offset + shape.firstRow(), offset + shape.endRow());
            }
        }
        return new KernelPlacement(l.index(), offset, shape.lengthRows(), shape.count(), processors);
    }

    /** True on devices with extended memories when every used processor is the first of its group. */
    private boolean usesOnlyExtendedProcessors(long processors) {
        if (spec.kernelMemory().extendedRows() == 0) {
            return false;
        }
        for (int p = 0; p < spec.processors(); p++) {
            if ((processors >>> p & 1) != 0 && p % spec.processorsPerGroup() != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lowest start row, from 0 in steps of 4, where every used processor has {@code length} free
     * rows (the izer's forward {@code search_kernel_mem}). Past the device's rows it records the overflow
     * and keeps searching in unbounded memory.
     */
    private int searchUp(long processors, int length, boolean instanceBound) {
        int first = Passes.first(processors);
        int last = Passes.last(processors);
        int offset = 0;
        while (occupied[first].get(offset)) {
            offset += align;
            checkRoom(first, offset, length);
        }
        int p = first;
        while (p <= last) {
            if ((processors >>> p & 1) == 0) {
                p++;
                continue;
            }
            if (instanceBound) {
                offset = withinOneInstance(p, offset, length);
            }
            int clash = occupied[p].nextSetBit(offset);
            if (clash >= 0 && clash < offset + length) {
                offset = Passes.roundUp(clash + 1, align);
                checkRoom(p, offset, length);
                p = first;
                continue;
            }
            p++;
        }
        return offset;
    }

    /**
     * MAX78002 depthwise layers: move the candidate so that the izer's instance test passes. The izer
     * tests the rows (offset, offset + length] rather than [offset, offset + length) and moves to one
     * row before the next instance boundary; both quirks are kept so offsets agree with it.
     */
    private int withinOneInstance(int processor, int offset, int length) {
        int mask = instanceMask(offset + 1);
        if (((offset + 1) & ~mask) != ((offset + length) & ~mask)) {
            offset = ((offset + mask) & ~mask) - 1;
        }
        mask = instanceMask(offset + 1);
        if (((offset + 1) & ~mask) != ((offset + length) & ~mask) && length > mask + 1 && overflow == null) {
            // Only a layer longer than an instance gets here.
            overflow = new ResourceViolation(ResourceLimit.KERNEL_MEMORY, length, mask + 1L, layer,
                    "processor " + processor + ": depthwise kernels must lie in one instance of " + (mask + 1)
                            + " rows");
        }
        return offset;
    }

    private int instanceMask(int row) {
        KernelMemory k = spec.kernelMemory();
        return (row + 1 >= k.rowsPerProcessor() ? k.extensionInstanceRows() : k.instanceRows()) - 1;
    }

    /**
     * The highest end row, from the top of the extended memory down in steps of 4, below which every
     * used processor has {@code length} free rows, or -1 (the izer's reverse {@code search_kernel_mem},
     * which gives up silently and falls back to the forward search).
     */
    private int searchDown(long processors, int length, boolean instanceBound) {
        int first = Passes.first(processors);
        int last = Passes.last(processors);
        int offset = spec.kernelRows(first) - 1;
        while (occupied[first].get(offset)) {
            offset -= align;
            if (offset < 0) {
                return -1;
            }
        }
        int p = first;
        while (p <= last) {
            if ((processors >>> p & 1) == 0) {
                p++;
                continue;
            }
            if (instanceBound) {
                int mask = instanceMask(offset - 1);
                if (((offset - 1) & ~mask) != ((offset - length) & ~mask)) {
                    offset &= ~mask;
                }
            }
            if (offset - length + 1 < 0) {
                return -1;
            }
            int clash = occupied[p].previousSetBit(offset);
            if (clash >= 0 && clash > offset - length) {
                offset = (clash - 1) & -align;
                p = first;
                continue;
            }
            p++;
        }
        return offset;
    }

    private void checkRoom(int processor, int offset, int length) {
        if (offset + length > spec.kernelRows(processor)) {
            exhausted(processor, offset, length);
        }
    }

    /** Records the izer's "Kernel memory exhausted at processor p; offset: o, needed: rows", once. */
    private void exhausted(int processor, int offset, int rows) {
        if (overflow == null) {
            overflow = new ResourceViolation(ResourceLimit.KERNEL_MEMORY, (long) offset + rows,
                    spec.kernelRows(processor), layer,
                    "processor " + processor + ", offset " + offset + ", " + rows + " rows");
        }
    }
}

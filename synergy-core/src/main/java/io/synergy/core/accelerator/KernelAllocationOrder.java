package io.synergy.core.accelerator;

/**
 * The order in which the izer places layers' kernels. The order changes offsets (and through the
 * PreRead term, cycles) but not lengths.
 */
public enum KernelAllocationOrder {
    /**
     * Layers that use all processors first, then the others, each in layer order: the upstream izer since
     * ai8x-synthesis commit e174459 ("Prioritize kernels for layers using all processors", PR #352),
     * {@code izer/kernels.py} {@code load}. The default.
     */
    FULL_MAP_FIRST,
    /**
     * Plain layer order: the izer before that change, as in the Synergy authors' fork
     * (TaesikGong/ai8x-synthesis b889aa5) that produced the zoo's segment figures.
     */
    LAYER_ORDER
}

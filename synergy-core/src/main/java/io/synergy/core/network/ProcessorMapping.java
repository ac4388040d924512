package io.synergy.core.network;

/**
 * Where the ai8x network description places a layer on the accelerator: the 64-bit mask of the
 * processors that read its input, the mask that writes its output (0 = chosen by the toolchain),
 * data-memory offsets in bytes and the write gap. The resource model allocates kernels from these.
 */
public record ProcessorMapping(long processors, long outputProcessors, int inOffset, int outOffset,
                               int writeGap) {

    /** Offset value meaning "not given in the description". */
    public static final int UNSET = -1;

    public static final ProcessorMapping NONE = new ProcessorMapping(0L, 0L, UNSET, UNSET, 0);

    public int processorCount() {
        return Long.bitCount(processors);
    }
}

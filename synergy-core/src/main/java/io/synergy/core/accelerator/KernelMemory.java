package io.synergy.core.accelerator;

/**
 * The weight ("mask") memory of the CNN engine. Every processor has its own memory of
 * {@code rowsPerProcessor} rows of {@code rowBytes} bytes (72 bits: one 8-bit 3x3 kernel, or nine
 * 8-bit 1x1 kernels); the first processor of each group has {@code extendedRows} more.
 * Memories are built from instances of {@code instanceRows} rows, the extension from instances of
 * {@code extensionInstanceRows} rows; the MAX78002 needs a depthwise layer's kernels inside one
 * instance.
 *
 * <p>Source: ai8x-synthesis {@code izer/tornadocnn.py}, {@code DevAI85} / {@code DevAI87}
 * ({@code MASK_WIDTH_SMALL}, {@code MASK_WIDTH_LARGE}, {@code MASK_INSTANCE_*}, {@code mask_large}).
 */
public record KernelMemory(int rowsPerProcessor, int extendedRows, int rowBytes, int instanceRows,
                           int extensionInstanceRows) {

    public KernelMemory {
        if (rowsPerProcessor < 1 || extendedRows < 0 || rowBytes < 1 || instanceRows < 1
                || extensionInstanceRows < 1) {
            throw new IllegalArgumentException("kernel memory: rows, row bytes and instance rows must be positive,"
                    + " extended rows >= 0; got " + this);
        }
    }

    /** Bits in one row (72 on both devices): the unit the izer packs kernels into. */
    public int rowBits() {
        return rowBytes * 8;
    }
}

package io.synergy.core.accelerator;

/**
 * CPU cycles the Arm core spends moving data into and out of the CNN engine, outside the CNN's own
 * cycles. All three costs count 32-bit bus writes or reads, because that is how the code the izer
 * generates moves data (ai8x-synthesis README, "cnn_load_weights", "cnn_load_bias", "load_input",
 * "cnn_unload"):
 * <ul>
 *   <li>input: the segment's input bytes (8-bit HWC: 4 channels of a pixel per word) are written one
 *       32-bit word at a time: ceil(bytes / 4) words;</li>
 *   <li>output: {@code cnn_unload} reads one word per 4 bytes of 8-bit output and one word per 32-bit
 *       value: ceil(bytes / 4) words;</li>
 *   <li>weights ({@code --mexpress}, the default): for every layer and processor, a run of 2 header
 *       words (address, length) and the kernel rows packed into words, ceil(rows x 9 / 4); biases are
 *       stored as bytes but written one 32-bit word each ({@code memcpy_8to32}). Needed whenever a
 *       device switches to a segment whose weights are not resident (biases are also lost when the
 *       engine is disabled).</li>
 * </ul>
 *
 * <p>Assumption, not a measured or published figure: a copy loop costs {@code cpuCyclesPerWord} CPU
 * cycles per word. The default 6 comes from the Arm Cortex-M4 instruction timings (Cortex-M4
 * Technical Reference Manual, ARM DDI 0439): load and store single take 2 cycles each, a store right
 * after a load can pipeline to 1, the loop counter 1, a taken branch 1 plus a pipeline refill of 1 to
 * 3; i.e. 5 to 8 cycles, taken as 6, with zero-wait-state memory and no DMA. Flash wait states and
 * bus contention would make it slower. Registers written to configure the layers are not counted.
 */
public record LoadingCostModel(int cpuCyclesPerWord, int headerWordsPerRun) {

    public static final LoadingCostModel DEFAULT = new LoadingCostModel(6, 2);

    private static final int WORD_BYTES = 4;

    public LoadingCostModel {
        if (cpuCyclesPerWord < 1 || headerWordsPerRun < 0) {
            throw new IllegalArgumentException("loading costs: cpuCyclesPerWord must be >= 1 and headerWordsPerRun"
                    + " >= 0, got " + cpuCyclesPerWord + ", " + headerWordsPerRun);
        }
    }

    /** CPU cycles to write {@code bytes} of segment input into data memory. */
    public long inputLoadCycles(long bytes) {
        return words(bytes) * cpuCyclesPerWord;
    }

    /** CPU cycles to read {@code bytes} of segment output out of data memory. */
    public long outputUnloadCycles(long bytes) {
        return words(bytes) * cpuCyclesPerWord;
    }

    /** CPU cycles to write a segment's kernels and biases. */
    public long weightLoadCycles(SegmentResources resources, AcceleratorSpec spec) {
        long words = 0;
        int rowBytes = spec.kernelMemory().rowBytes();
        for (KernelPlacement k : resources.kernels().placements()) {
            if (k.lengthRows() == 0) {
                continue;
            }
            long perProcessor = headerWordsPerRun + words((long) k.lengthRows() * rowBytes);
            words += Long.bitCount(k.processors()) * perProcessor;
        }
        words += resources.biasBytes();
        return words * cpuCyclesPerWord;
    }

    private static long words(long bytes) {
        return (bytes + WORD_BYTES - 1) / WORD_BYTES;
    }
}

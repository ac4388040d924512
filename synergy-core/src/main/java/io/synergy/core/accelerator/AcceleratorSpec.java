package io.synergy.core.accelerator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one accelerator MCU offers a segment: the CNN engine's processors and memories, its layer
 * slots, its clocks and the toolchain rules that apply to it.
 *
 * <p>Processors are numbered 0..processors-1 and addressed by 64-bit masks (bit p = processor p),
 * so {@code processors <= 64}; processor p belongs to group {@code p / processorsPerGroup()}.
 *
 * @param name       device name as written on the part ("MAX78000")
 * @param processors CNN processors (64 on both devices)
 * @param groups     processor groups, the izer's "quadrants" (4)
 * @param maxLayers  hardware layer slots
 * @param depthwise  whether depthwise convolution (conv groups > 1) is supported
 */
public record AcceleratorSpec(String name, int processors, int groups, KernelMemory kernelMemory,
                              BiasMemory biasMemory, DataMemory dataMemory, int maxLayers, boolean depthwise,
                              Clocks clocks, ToolchainRules rules) {

    /**
     * MAX78000. Figures from ai8x-synthesis {@code izer/tornadocnn.py} {@code DevAI85}: 64 processors in
     * 4 groups of 16; 768 kernel rows of 9 bytes per processor ({@code MASK_WIDTH_*}, 442,368 B in all);
     * 4 bias memories of 512 B ({@code BIAS_SIZE}); 16 data instances of 32 KiB shared by 4 processors
     * ({@code INSTANCE_WIDTH * 16}, 512 KiB); 32 layers ({@code MAX_LAYERS}); no depthwise.
     * CNN clock 50 MHz: the izer's default without PLL is {@code APB_SPEED = IPO_SPEED / 2} = 50 MHz
     * with clock divider 1 ({@code izer/backend/max7800x.py}, {@code clock_speed}). CPU clock 100 MHz:
     * the Arm Cortex-M4F runs from the 100 MHz internal primary oscillator ({@code IPO_SPEED};
     * MAX78000 datasheet, "Arm Cortex-M4 Processor with FPU up to 100MHz").
     */
    public static final AcceleratorSpec MAX78000 = new AcceleratorSpec("MAX78000", 64, 4,
            new KernelMemory(768, 0, 9, 768, 768),
            new BiasMemory(4, 512),
            new DataMemory(16, 32 * 1024, 4),
            32, false,
            new Clocks(50_000_000L, 100_000_000L),
            new ToolchainRules(true, true, false, false, true));

    /**
     * MAX78002. Figures from ai8x-synthesis {@code izer/tornadocnn.py} {@code DevAI87}: 64 processors in
     * 4 groups of 16; 4,096 kernel rows per processor (4 instances of 1,024) plus 1,024 more (4 instances
     * of 256) on the first processor of each group, i.e. 266,240 rows of 9 bytes = 2,396,160 B; 4 bias
     * memories of 2,048 B; 16 data instances of 80 KiB ({@code INSTANCE_WIDTH} 5,120 words x 16 B,
     * 1,280 KiB); 128 layers; depthwise. CNN clock 200 MHz: the izer turns the PLL on by default
     * ({@code SUPPORT_PLL}, {@code PLL_SPEED} = 200) with the pipeline on and divider 1. CPU clock
     * 120 MHz ({@code IPO_SPEED}; MAX78002 datasheet, "Arm Cortex-M4 with FPU up to 120MHz").
     */
    public static final AcceleratorSpec MAX78002 = new AcceleratorSpec("MAX78002", 64, 4,
            new KernelMemory(4096, 1024, 9, 1024, 256),
            new BiasMemory(4, 2048),
            new DataMemory(16, 80 * 1024, 4),
            128, true,
            new Clocks(200_000_000L, 120_000_000L),
            new ToolchainRules(false, false, true, true, false));

    private static final List<AcceleratorSpec> KNOWN = List.of(MAX78000, MAX78002);

    public AcceleratorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernelMemory, "kernelMemory");
        Objects.requireNonNull(biasMemory, "biasMemory");
        Objects.requireNonNull(dataMemory, "dataMemory");
        Objects.requireNonNull(clocks, "clocks");
        Objects.requireNonNull(rules, "rules");
        String at = "accelerator " + name + ": ";
        if (processors < 1 || processors > 64) {
            throw new IllegalArgumentException(at + "processors must be in [1, 64] (64-bit masks), got " + processors);
        }
        if (groups < 1 || processors % groups != 0) {
            throw new IllegalArgumentException(at + "groups must divide the " + processors + " processors, got "
                    + groups);
        }
        if (biasMemory.groups() != groups) {
            throw new IllegalArgumentException(at + "bias memory has " + biasMemory.groups()
                    + " groups but the processors form " + groups);
        }
        if (maxLayers < 1) {
            throw new IllegalArgumentException(at + "maxLayers must be >= 1, got " + maxLayers);
        }
    }

    /** The known device of this name, case-insensitive ("max78000", "MAX78002"). */
    public static AcceleratorSpec byName(String name) {
        Objects.requireNonNull(name, "name");
        for (AcceleratorSpec spec : KNOWN) {
            if (spec.name.equalsIgnoreCase(name.trim())) {
                return spec;
            }
        }
        throw new IllegalArgumentException("unknown accelerator '" + name + "'; known: "
                + KNOWN.stream().map(s -> s.name.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    public static List<AcceleratorSpec> known() {
        return KNOWN;
    }

    public int processorsPerGroup() {
        return processors / groups;
    }

    /** Mask with every processor set. */
    public long allProcessors() {
        return processors == 64 ? -1L : (1L << processors) - 1;
    }

    /** Kernel rows of processor p: the first processor of a group has the extension. */
    public int kernelRows(int processor) {
        return kernelMemory.rowsPerProcessor()
                + (processor % processorsPerGroup() == 0 ? kernelMemory.extendedRows() : 0);
    }

    /** Kernel rows over all processors. */
    public long kernelRowsTotal() {
        return (long) processors * kernelMemory.rowsPerProcessor() + (long) groups * kernelMemory.extendedRows();
    }

    /** Weight memory in bytes: every kernel row of every processor (MAX78000: 442,368). */
    public long weightMemoryBytes() {
        return kernelRowsTotal() * kernelMemory.rowBytes();
    }

    @Override
    public String toString() {
        return name;
    }
}

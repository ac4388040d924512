package io.synergy.core.accelerator;

/** A device limit a segment can break, with the unit its need and capacity are counted in. */
public enum ResourceLimit {
    /** Hardware layer slots. */
    LAYERS("layers", "layers"),
    /** Weight bytes (weight count x bits / 8) against the whole kernel memory. */
    WEIGHT_MEMORY("weight memory", "bytes"),
    /** Kernel rows of one processor: where the izer's placement runs out of room. */
    KERNEL_MEMORY("kernel memory", "rows"),
    /** Bias bytes (including alignment) against all bias groups. */
    BIAS_MEMORY("bias memory", "bytes"),
    /** Bias bytes of one group. */
    BIAS_GROUP("bias memory group", "bytes"),
    /** Bytes of one data-memory instance that a layer's input or output needs. */
    DATA_MEMORY("data memory instance", "bytes"),
    /** Depthwise layers on a device without depthwise support. */
    DEPTHWISE("depthwise convolution", "layers");

    private final String label;
    private final String unit;

    ResourceLimit(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}

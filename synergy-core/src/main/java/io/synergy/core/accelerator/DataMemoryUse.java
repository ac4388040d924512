package io.synergy.core.accelerator;

/**
 * The most data memory one instance must hold for a segment: the largest single input or output of
 * any layer, in bytes per instance, and the layer that needs it.
 *
 * <p>Our model is the izer's own hard check (ai8x-synthesis {@code izer/backend/max7800x.py}: "exceeds
 * data memory instance size") with offsets at 0: a layer's input needs H * W * passes * operands * 4
 * bytes of each instance (HWC: one 32-bit word per pixel and pass; CHW network input: 1 byte per
 * pixel), its output H * W * passes * 4 * width / 8. It is a lower bound: it ignores that input,
 * output and skip tensors must coexist at different offsets, which the network description arranges
 * (and the izer's {@code --overlap-data} relaxes).
 */
public record DataMemoryUse(long bytesPerInstance, int layer) {
}

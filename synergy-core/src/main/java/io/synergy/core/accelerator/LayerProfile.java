package io.synergy.core.accelerator;

/** One layer of a profiled segment: its work, its CNN cycles and where its kernels sit. */
public record LayerProfile(int layer, long macs, long cycles, KernelPlacement kernels) {
}

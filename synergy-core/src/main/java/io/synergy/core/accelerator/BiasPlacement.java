package io.synergy.core.accelerator;

/**
 * Where bias values of a layer sit: bytes [offsetBytes, offsetBytes + lengthBytes) of the bias memory
 * of {@code group}. A regular layer has one placement; a depthwise layer one per group it uses.
 */
public record BiasPlacement(int layer, int group, int offsetBytes, int lengthBytes) {
}

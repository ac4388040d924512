package io.synergy.core.network;

/** How the network input is laid out in the accelerator's data memory (ai8x {@code data_format}). */
public enum DataFormat {
    CHW,
    HWC
}

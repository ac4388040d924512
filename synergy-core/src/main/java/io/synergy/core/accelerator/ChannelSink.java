package io.synergy.core.accelerator;

/**
 * Receives the finished accumulators of one output channel ({@code length} values, the channel's
 * output pixels row-major). The array is scratch: it is valid only during the call.
 */
interface ChannelSink {

    void accept(int channel, int[] acc, int length);

    void accept(int channel, long[] acc, int length);
}

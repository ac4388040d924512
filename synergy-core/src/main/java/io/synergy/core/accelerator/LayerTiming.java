package io.synergy.core.accelerator;

import io.synergy.core.network.Window;
import java.util.Objects;

/**
 * The hardware view of one layer that its cycle count depends on: the arguments of ai8x-synthesis
 * {@code izer/latency.py} {@code calculate} as {@code izer/backend/max7800x.py} derives them.
 * Rows and columns are the hardware's: a 1-D layer of length L is L rows x 1 column.
 *
 * @param pool                 pooling window (1x1 without pooling)
 * @param pooled               rows x columns after pooling (a transposed convolution's input upsampled by
 *                             its stride)
 * @param kernel               kernel rows x columns (1x1 for passthrough)
 * @param padding              padding rows x columns (a transposed convolution's padding flipped to
 *                             dilation * (kernel - 1) - padding)
 * @param multipass            input passes (2 * passes - 1 for a pooling passthrough layer whose output
 *                             needs several passes)
 * @param outputChannels       output channels as the hardware counts them: kernels per input pass
 *                             (flattening layers: per input pass and pooled pixel)
 * @param outputColumns        output columns (flattening layers: the pooled columns)
 * @param operands             element-wise operands (1 without element-wise operation)
 * @param poolFirst            pooling before the element-wise operation
 * @param passthrough          no convolution
 * @param passthroughTimeslots output time slots of a passthrough layer (1 otherwise)
 * @param flattenAdjust        the hardware flattens in more than 16 steps (one extra cycle)
 * @param kernelOffsetRows     kernel offset, for the PreRead term
 * @param preReadTerm          the device pays the PreRead term ({@link ToolchainRules#preReadTerm()})
 */
public record LayerTiming(Window pool, Window pooled, Window kernel, Window padding, int multipass,
                          int outputChannels, int outputColumns, int operands, boolean poolFirst,
                          boolean passthrough, int passthroughTimeslots, boolean flattenAdjust,
                          int kernelOffsetRows, boolean preReadTerm) {

    public LayerTiming {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(pooled, "pooled");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(padding, "padding");
        if (multipass < 1 || operands < 1 || passthroughTimeslots < 1 || outputChannels < 0 || kernelOffsetRows < 0) {
            throw new IllegalArgumentException("layer timing: multipass, operands and time slots must be >= 1,"
                    + " output channels and kernel offset >= 0; got " + multipass + ", " + operands + ", "
                    + passthroughTimeslots + ", " + outputChannels + ", " + kernelOffsetRows);
        }
    }

    /** Whether the PreRead term applies: pool after element-wise with several passes or operands. */
    public boolean paysPreRead() {
        return preReadTerm && !poolFirst && (multipass > 1 || operands > 1);
    }
}

package io.synergy.core.accelerator;

/**
 * How one layer sits on the processors, as the izer derives it.
 *
 * @param layer                network layer index
 * @param processors           mask of the processors that read the layer's input (the description's
 *                             {@code processors}; packed from processor 0 when the description has none)
 * @param outputProcessors     mask of the processors the output is written for: the description's
 *                             {@code output_processors}, else the next layer's processors when the next
 *                             layer is in the same segment, else packed from processor 0
 *                             ({@code izer/izer.py}: "Fix up default output maps" and the final layer's
 *                             default)
 * @param inputChannels        channels the layer reads (one element-wise operand, before flattening)
 * @param inputPasses          input expansion, the izer's multipass count
 * @param outputPasses         output expansion
 * @param outputPassChannels   output channels per pass ({@code out_expand_thresh})
 */
public record LayerMapping(int layer, long processors, long outputProcessors, int inputChannels, int inputPasses,
                           int outputPasses, int outputPassChannels) {

    public LayerMapping {
        if (processors == 0 || outputProcessors == 0) {
            throw new IllegalArgumentException("layer " + layer + ": processor masks must not be empty");
        }
        if (inputPasses < 1 || outputPasses < 1) {
            throw new IllegalArgumentException("layer " + layer + ": passes must be >= 1");
        }
    }

    public int processorCount() {
        return Long.bitCount(processors);
    }
}

package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;

/**
 * How many kernel rows a layer needs per processor, following ai8x-synthesis {@code izer/kernels.py}
 * {@code load}: each processor holds, for every output channel (per pass) its input channel feeds,
 * one kernel per input pass; kernels of fewer than 8 bits are packed 8/bits to a byte, 72-bit rows
 * are filled densely (so nine 8-bit 1x1 kernels share a row).
 *
 * @param count       kernels per processor (the izer's "Kernel count")
 * @param lengthRows  rows per processor (the izer's "Kernel length")
 * @param firstRow    first row written, relative to the offset: an output map that starts inside a
 *                    data-memory instance leaves {@code startColumn} kernels' worth of rows unwritten
 * @param endRow      one past the last row written, relative to the offset
 */
record KernelShape(int count, int lengthRows, int firstRow, int endRow) {

    static KernelShape of(Layer layer, LayerGeometry geometry, LayerMapping mapping, AcceleratorSpec spec) {
        int bits = layer.weightBits();
        int perByte = 8 / bits;
        int kernelSize = layer.kernel().area();
        int align = spec.dataMemory().processorsPerInstance();
        int inputKernels = layer.flatten() ? 1 : mapping.inputPasses();
        long out = mapping.outputProcessors();
        int first = Passes.first(out);
        // Output processors that start inside an instance: the kernels of the skipped byte lanes are
        // still counted ("start_col"), and with several output passes the span starts at the instance.
        int startColumn = first % align;
        if (mapping.outputPasses() > 1) {
            first -= startColumn;
        }
        long kernels;
        long count;
        if (layer.convGroups() == 1) {
            kernels = (long) (1 + Passes.last(out) - first) * mapping.outputPasses() * inputKernels;
            count = kernels + (long) startColumn * mapping.outputPasses() * inputKernels;
        } else {
            kernels = inputKernels;
            count = kernels + (long) startColumn * inputKernels;
        }
        if (layer.flatten()) {
            // A flattening layer stores, per processor, one 1x1 kernel per flattened input it owns:
            // C*H*W inputs spread over the processors of one input pass. Unused output slots are dropped.
            int perPass = Passes.passChannels(mapping.inputChannels(), spec.processors(), align);
            long inputsPerProcessor = (geometry.pooled().elements() + perPass - 1) / perPass;
            long unused = (long) mapping.outputPasses() * Long.bitCount(out) - layer.outputChannels();
            kernels = (kernels - unused) * inputsPerProcessor;
            count = (count - unused) * inputsPerProcessor;
        }
        // Sub-byte kernels: an incomplete last byte group is padded ("res" in the izer).
        long padding = (kernels % perByte) * kernelSize * (perByte - 1);
        int rowBits = spec.kernelMemory().rowBits();
        long length = (kernels * kernelSize * bits + padding + rowBits - 1) / rowBits;
        int firstRow = startColumn * kernelSize * inputKernels / spec.kernelMemory().rowBytes();
        int endRow = Math.max(firstRow, startColumn) + (int) length;
        return new KernelShape((int) count, (int) length, firstRow, endRow);
    }
}

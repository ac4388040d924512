package io.synergy.cli;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.tensor.Npy;
import io.synergy.core.tensor.Shape;
import io.synergy.core.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Layer outputs and shapes as the vendor toolchain writes them (../shared/conformance/README.md,
 * "expected/layerNN.npy"): int32 ({@code <i4}) .npy files, C x H x W, except that a conv1d layer's
 * C x L x 1 drops the trailing 1; file names {@code layerNN.npy} with a two-digit layer index.
 */
final class ToolchainLayout {

    private ToolchainLayout() {
    }

    /** The dimensions the toolchain gives a layer's output (or, for -1, the network input). */
    static int[] outputDims(Network network, int tensorId) {
        Shape shape = network.tensorShape(tensorId);
        return oneDimensional(network, tensorId) ? new int[] {shape.channels(), shape.height()} : shape.toArray();
    }

    /** The dimensions of a layer's input as the toolchain reports them (C x L for conv1d). */
    static int[] inputDims(Network network, int layer) {
        Shape shape = network.geometry(layer).input();
        return network.layer(layer).operation() == Operation.CONV1D
                ? new int[] {shape.channels(), shape.height()} : shape.toArray();
    }

    private static boolean oneDimensional(Network network, int tensorId) {
        return tensorId != Layer.NETWORK_INPUT && network.layer(tensorId).operation() == Operation.CONV1D;
    }

    /** "layer07.npy". */
    static String layerFileName(int layer) {
        return String.format(Locale.ROOT, "layer%02d.npy", layer);
    }

    /** "out_layer07.npy" beside {@code out} ({@code out} = the stem of the given file). */
    static Path outputLayerFile(Path out, int layer) {
        String file = out.getFileName().toString();
        String stem = file.endsWith(".npy") ? file.substring(0, file.length() - 4) : file;
        return out.resolveSibling(String.format(Locale.ROOT, "%s_layer%02d.npy", stem, layer));
    }

    /** Writes a layer output as an int32 array of the toolchain's dimensions, creating directories. */
    static void write(Path file, Network network, int tensorId, Tensor tensor) {
        byte[] bytes = Npy.writeInt32(outputDims(network, tensorId), tensor.toIntArray());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}

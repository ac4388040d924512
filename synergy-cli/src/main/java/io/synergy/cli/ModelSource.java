package io.synergy.cli;

import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.ai8x.Ai8xImporter;
import io.synergy.core.tensor.Shape;
import io.synergy.core.zoo.Zoo;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command's network comes from: an ai8x network description with its quantized checkpoint,
 * or a zoo model by name. Exactly one of the two.
 */
final class ModelSource {

    @ArgGroup(exclusive = false)
    Files files;

    @Option(names = "--model", paramLabel = "NAME",
            description = "A zoo model instead of --yaml/--checkpoint: convnet5, kws, simplenet, widenet, "
                    + "ressimplenet, efficientnetv2, mobilenetv2-0.75, unet-large.")
    String zooName;

    static final class Files {
        @Option(names = "--yaml", required = true, paramLabel = "N.yaml",
                description = "The ai8x (izer) network description.")
        Path yaml;

        @Option(names = "--checkpoint", required = true, paramLabel = "C.pth.tar",
                description = "The quantized checkpoint that goes with it.")
        Path checkpoint;
    }

    boolean isZoo() {
        return zooName != null;
    }

    /** The runnable model; an imported one takes {@code inputShape}, a zoo model has its own. */
    Model model(Shape inputShape) {
        if (isZoo()) {
            return Zoo.model(zooName);
        }
        return Ai8xImporter.importModel(CliFiles.existing("--yaml", files.yaml),
                CliFiles.existing("--checkpoint", files.checkpoint), inputShape).model();
    }

    /** The network alone: for a zoo model without calibrating its parameters (shapes and costs only). */
    Network network(Shape inputShape) {
        if (isZoo()) {
            return Zoo.architecture(zooName);
        }
        return model(inputShape).network();
    }

    /** Where a description's own sample input would be: {@code input.npy} beside the yaml. */
    Path siblingInput() {
        return files.yaml.toAbsolutePath().resolveSibling("input.npy");
    }
}

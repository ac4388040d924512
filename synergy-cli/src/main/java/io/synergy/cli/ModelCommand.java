package io.synergy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code synergy model}: run or profile one quantized network (ai8x files or a zoo model). */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Run a quantized network on emulated MAX7800x devices, or profile its cost.",
        subcommands = {ModelRunCommand.class, ModelProfileCommand.class})
final class ModelCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

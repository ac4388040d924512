package io.synergy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code synergy bench}: benchmark harnesses that write JSON and PNG reports. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark harness.",
        subcommands = {BenchPlannersCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

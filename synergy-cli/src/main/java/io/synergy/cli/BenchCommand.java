package io.synergy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code synergy bench}: the benchmark harnesses that write JSON and PNG figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that write JSON and a PNG plot.",
        subcommands = {BenchE2eCommand.class, BenchPlannersCommand.class, BenchSoakCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package io.synergy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point behind {@code bin/synergy}. Each area adds its subcommand here. Errors a
 * user can fix end as one line on stderr and a non-zero exit, never a stack trace.
 */
@Command(name = "synergy", mixinStandardHelpOptions = true, version = "synergy 0.1.0",
        description = "Collaborative inference on composed tiny AI accelerators (MAX78000/MAX78002).",
        subcommands = {CommandLine.HelpCommand.class, ModelCommand.class, UpCommand.class, DemoCommand.class,
            StatusCommand.class, DownCommand.class, PlanCommand.class, BenchCommand.class})
public final class SynergyCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with its output and errors going to the given writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SynergyCli());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

package io.synergy.cli;

import picocli.CommandLine;

/**
 * Turns any failure of a command into one line on stderr naming the problem, and exit code 1. Set
 * {@code SYNERGY_DEBUG=1} to see the stack trace as well.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println("error: " + message.lines().findFirst().orElse(message));
        if ("1".equals(System.getenv("SYNERGY_DEBUG"))) {
            ex.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}

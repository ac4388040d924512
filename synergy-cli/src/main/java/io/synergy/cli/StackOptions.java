package io.synergy.cli;

import io.synergy.cli.stack.StackHome;
import io.synergy.cli.stack.StackLauncher;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the repository and the stack folder are: shared by up, status, demo and down. */
final class StackOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "The stack folder (logs, pids, broker data). Default: .synergy in the repository.")
    Path home;

    /** The checkout bin/synergy runs from (it passes -Dsynergy.repository); else the working directory. */
    static Path repository() {
        return Path.of(System.getProperty("synergy.repository", ".")).toAbsolutePath().normalize();
    }

    StackHome stackHome() {
        return new StackHome(home != null ? home.toAbsolutePath() : repository().resolve(".synergy"));
    }

    StackLauncher launcher() {
        return new StackLauncher(repository(), stackHome());
    }
}

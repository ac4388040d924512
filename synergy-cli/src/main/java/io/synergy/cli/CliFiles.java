package io.synergy.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on files named on the command line, so that errors name the option and the problem. */
final class CliFiles {

    private CliFiles() {
    }

    /** @throws IllegalArgumentException naming the option when the file is missing or a directory */
    static Path existing(String option, Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": not readable");
        }
        return file;
    }
}

package io.synergy.registry.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference uploads of ../shared/conformance (read from there, never copied into the repository). */
public final class Uploads {

    /** MNIST, ai85net5: 1 x 28 x 28 input, 5 layers, fits one MAX78000. */
    public static final String MNIST_INPUT_SHAPE = "1x28x28";

    private Uploads() {
    }

    public static Path caseDir(String name) {
        return Path.of(System.getProperty("synergy.shared.dir"), "conformance", name);
    }

    public static byte[] mnistYaml() {
        return read(caseDir("mnist").resolve("network.yaml"));
    }

    public static byte[] mnistCheckpoint() {
        return read(caseDir("mnist").resolve("checkpoint.pth.tar"));
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

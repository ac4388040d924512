package io.synergy.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one folder that holds everything the local stack writes: {@code logs/<component>.log},
 * {@code pids/<component>.pid}, the broker's data in {@code kafka/}, and {@code stack.properties}
 * (the ports of the running stack, for {@code status} and {@code down}) and {@code api-keys.properties}.
 */
public record StackHome(Path root) {

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(StackComponent component) {
        return logs().resolve(component.shortName() + ".log");
    }

    public Path pidFile(StackComponent component) {
        return root.resolve("pids").resolve(component.shortName() + ".pid");
    }

    public Path kafkaData() {
        return root.resolve("kafka");
    }

    /** The stack's API keys (mode 0600): see {@link ApiKeys}. */
    public Path apiKeysFile() {
        return root.resolve(ApiKeys.FILE_NAME);
    }

    public Path settingsFile() {
        return root.resolve("stack.properties");
    }

    public void create() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(root.resolve("pids"));
            Files.createDirectories(kafkaData());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the stack folder " + root + ": " + e.getMessage(), e);
        }
    }

    public OptionalLong pid(StackComponent component) {
        Path file = pidFile(component);
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The live process recorded for a component, if it still runs. */
    public Optional<ProcessHandle> process(StackComponent component) {
        OptionalLong pid = pid(component);
        return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive) : Optional.empty();
    }

    public void writePid(StackComponent component, long pid) {
        try {
            Files.writeString(pidFile(component), Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile(component) + ": " + e.getMessage(), e);
        }
    }

    public void forget(StackComponent component) {
        try {
            Files.deleteIfExists(pidFile(component));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile(component) + ": " + e.getMessage(), e);
        }
    }
}

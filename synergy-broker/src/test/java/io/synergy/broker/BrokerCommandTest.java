package io.synergy.broker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerCommandTest {

    @TempDir
    Path data;

    @Test
    void announcesReadyWithItsAddressAndKeepsRecordsAcrossARestartOnTheSameDataDirectory() throws Exception {
        int port = LoopbackPorts.free(1)[0];
        BrokerSettings settings = BrokerCommand.parse(new String[] {"--data-dir", data.toString(), "--port", Integer.toString(port)});
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (KraftBroker broker = BrokerCommand.start(settings, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            PlainClients.send(broker.bootstrapServers(), "synergy.models", "mnist", "v1");
        }
        try (KraftBroker restarted = BrokerCommand.start(settings, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(PlainClients.read(restarted.bootstrapServers(), "synergy.models", 1))
                    .extracting(ConsumerRecord::value).containsExactly("v1");
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("READY 127.0.0.1:" + port, "READY 127.0.0.1:" + port);
        assertThat(data.resolve("logs/meta.properties")).exists();
    }

    @Test
    void stopsCleanlyOnSigtermAsASeparateProcess() throws Exception {
        int port = LoopbackPorts.free(1)[0];
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), BrokerCommand.class.getName(),
                "--data-dir", data.toString(), "--port", Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(90, TimeUnit.SECONDS);
            assertThat(ready).isEqualTo("READY 127.0.0.1:" + port);

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout

            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> readAll(stdout));
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            assertThat(rest.get(10, TimeUnit.SECONDS)).containsExactly("STOPPED");
            assertThat(process.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void rejectsABadCommandLineNamingTheOption() {
        assertThatThrownBy(() -> BrokerCommand.parse(new String[] {"--port", "9092"}))
                .hasMessageContaining("--data-dir: required");
        assertThatThrownBy(() -> BrokerCommand.parse(new String[] {"--data-dir", "d", "--port", "0"}))
                .hasMessageContaining("--port: must be in 1..65535, got 0");
        assertThatThrownBy(() -> BrokerCommand.parse(new String[] {"--data-dir", "d", "--port", "many"}))
                .hasMessageContaining("--port: must be a number in 1..65535, got 'many'");
        assertThatThrownBy(() -> BrokerCommand.parse(new String[] {"--data-dir"}))
                .hasMessageContaining("--data-dir: needs a value");
        assertThatThrownBy(() -> BrokerCommand.parse(new String[] {"--verbose", "yes"}))
                .hasMessageContaining("unknown option '--verbose'");
        assertThat(BrokerCommand.parse(new String[] {"--data-dir", "d", "--start-timeout-seconds", "5"}))
                .isEqualTo(new BrokerSettings(Path.of("d"), 9092, Duration.ofSeconds(5)));
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readAll(BufferedReader reader) {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(reader); line != null; line = readLine(reader)) {
            lines.add(line);
        }
        return lines;
    }
}

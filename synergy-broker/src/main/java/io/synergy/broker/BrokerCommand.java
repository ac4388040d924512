package io.synergy.broker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The broker process of the local launcher:
 * <pre>
 * java -cp 'synergy-broker/target/synergy-broker.jar:synergy-broker/target/lib/*' io.synergy.broker.BrokerCommand \
 *      --data-dir .synergy/kafka [--port 9092] [--start-timeout-seconds 60]
 * </pre>
 * Prints {@code READY 127.0.0.1:<port>} on stdout once clients can connect, and {@code STOPPED}
 * after a clean shutdown on SIGTERM (or SIGINT). Exit codes: 2 for a bad command line, 1 when the
 * broker does not start or stops by itself. Logs (warnings and errors) go to stderr.
 */
public final class BrokerCommand {

    static final String USAGE = "usage: BrokerCommand --data-dir <directory> [--port <1..65535, default 9092>]"
            + " [--start-timeout-seconds <n, default 60>]";

    private BrokerCommand() {
    }

    public static void main(String[] args) {
        BrokerSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("broker: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KraftBroker broker;
        try {
            broker = start(settings, System.out);
        } catch (BrokerStartException e) {
            System.err.println("FAILED " + e.getMessage());
            System.exit(1);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            broker.close();
            System.out.println("STOPPED");
            System.out.flush();
        }, "synergy-broker-stop"));
        broker.awaitShutdown();
        if (!stopping.get()) {
            System.err.println("FAILED broker stopped by itself; see the log above");
            System.exit(1);
        }
    }

    /** Starts the broker and announces it on {@code out} with {@code READY <bootstrap servers>}. */
    static KraftBroker start(BrokerSettings settings, PrintStream out) {
        KraftBroker broker = KraftBroker.start(settings);
        out.println("READY " + broker.bootstrapServers());
        out.flush();
        return broker;
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the option that is missing or does not read
     */
    static BrokerSettings parse(String[] args) {
        Path dataDirectory = null;
        int port = 9092;
        long timeoutSeconds = BrokerSettings.DEFAULT_START_TIMEOUT.toSeconds();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + ": needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--port" -> port = number(option, value, 1, 65_535);
                case "--start-timeout-seconds" -> timeoutSeconds = number(option, value, 1, 3_600);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (dataDirectory == null) {
            throw new IllegalArgumentException("--data-dir: required (where the broker keeps its data between runs)");
        }
        return new BrokerSettings(dataDirectory, port, Duration.ofSeconds(timeoutSeconds));
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(option + ": must be in " + min + ".." + max + ", got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": must be a number in " + min + ".." + max + ", got '" + value + "'", e);
        }
    }
}

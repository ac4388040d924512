package io.synergy.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker in this JVM: one process in KRaft combined mode (broker and
 * controller, node id 1), listening on 127.0.0.1 only. The client listener is {@code PLAINTEXT};
 * the controller listener takes a second free port. Internal topics have one replica, so producers
 * with {@code acks=all} and idempotence work as on a cluster.
 */
public final class KraftBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    /** Starts that fail because a chosen free port was taken before the broker bound it. */
    private static final int PORT_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final int port;
    private boolean closed;

    private KraftBroker(KafkaRaftServer server, Path dataDirectory, boolean deleteOnClose, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /**
     * Formats the data directory if it is new, starts the broker and returns once a client has seen
     * it in the cluster metadata.
     *
     * @throws BrokerStartException when it fails or does not accept clients within the start timeout
     */
    public static KraftBroker start(BrokerSettings settings) {
        Path directory = settings.temporaryData() ? createTemporaryDirectory() : settings.dataDirectory();
        try {
            Files.createDirectories(directory);
            for (int attempt = 1; ; attempt++) {
                int[] ports = LoopbackPorts.free(2);
                int clientPort = settings.port() == 0 ? ports[0] : settings.port();
                try {
                    return startOnce(settings, directory, clientPort, ports[1]);
                } catch (BrokerStartException e) {
                    if (attempt == PORT_ATTEMPTS || !causedByBind(e)) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (settings.temporaryData()) {
                deleteRecursively(directory);
            }
            if (e instanceof BrokerStartException start) {
                throw start;
            }
            throw new BrokerStartException("broker: could not prepare data directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static KraftBroker startOnce(BrokerSettings settings, Path directory, int clientPort, int controllerPort) {
        Map<String, String> properties = brokerProperties(directory, clientPort, controllerPort);
        KafkaConfig config = new KafkaConfig(properties, false);
        format(directory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = LoopbackPorts.HOST + ":" + clientPort;
        long deadlineNanos = System.nanoTime() + settings.startTimeout().toNanos();
        ExecutorService starter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "synergy-broker-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> startup = starter.submit(server::startup);
            startup.get(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
            awaitClients(bootstrap, deadlineNanos);
            return new KraftBroker(server, directory, settings.temporaryData(), clientPort);
        } catch (TimeoutException e) {
            stopQuietly(server);
            throw new BrokerStartException("broker: did not accept clients on " + bootstrap + " within "
                    + settings.startTimeout().toSeconds() + " s (start timeout); data in " + directory, e);
        } catch (ExecutionException e) {
            stopQuietly(server);
            throw new BrokerStartException("broker: failed to start on " + bootstrap + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(server);
            throw new BrokerStartException("broker: interrupted while starting on " + bootstrap, e);
        } finally {
            starter.shutdownNow();
        }
    }

    /** The client address: {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Blocks until the broker has stopped, whether by {@link #close()} or by a fatal error of its own. */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Stops the broker (a controlled shutdown) and, for an ephemeral one, deletes its data. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
        if (deleteOnClose) {
            deleteRecursively(dataDirectory);
        }
    }

    /**
     * The broker's configuration. Internal topics get one replica and one partition (a single node
     * needs no more, and fewer partitions start faster); the log cleaner wakes every second so that
     * compacted topics are compacted while a test or demo is still watching; its dedupe buffer is
     * 16 MiB instead of 128 MiB, enough for a few hundred thousand keys.
     */
    static Map<String, String> brokerProperties(Path directory, int clientPort, int controllerPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + LoopbackPorts.HOST + ":" + controllerPort);
        properties.put("listeners", CLIENT_LISTENER + "://" + LoopbackPorts.HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + LoopbackPorts.HOST + ":" + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + LoopbackPorts.HOST + ":" + clientPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        properties.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("log.dirs", directory.resolve("logs").toString());
        properties.put("num.partitions", "1");
        properties.put("default.replication.factor", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "4");
        properties.put("log.cleaner.backoff.ms", "1000");
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return properties;
    }

    /**
     * Writes meta.properties and the bootstrap metadata into a new directory. A formatted one is left
     * as it is: it keeps its cluster id, so a restart finds its data (the formatter would compare the
     * stored id with the one given and refuse).
     */
    private static void format(Path directory) {
        String logDirectory = directory.resolve("logs").toString();
        if (Files.exists(directory.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDirectory)
                    .addDirectory(logDirectory)
                                        .run();
        } catch (Exception e) {
            throw new BrokerStartException("broker: could not format " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Start-up has returned; wait until a client sees this node in the cluster metadata. */
    private static void awaitClients(String bootstrap, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        int remainingMillis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadlineNanos)));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, remainingMillis),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, remainingMillis);
        try (Admin admin = Admin.create(config)) {
            while (admin.describeCluster().nodes().get(remaining(deadlineNanos), TimeUnit.NANOSECONDS).isEmpty()) {
                if (remaining(deadlineNanos) <= 0) {
                    throw new TimeoutException("no broker in the cluster metadata");
                }
            }
        }
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            // a broker that failed half-way may throw on shutdown; there is nothing left to stop
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("synergy-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("broker: no temporary directory for an ephemeral broker", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("broker: could not delete " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "KraftBroker[" + bootstrapServers() + ", data " + dataDirectory + "]";
    }
}

package io.synergy.registry.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads partition 0 of a topic from its first offset for as long as the service runs, on a thread of
 * its own, handing every record (tombstones included) to a {@link RecordHandler} in log order. It
 * publishes how far it has read, so writers can wait for their own record (read-your-writes) and the
 * service can wait until the state that existed at start is rebuilt.
 */
public final class TopicFollower implements AutoCloseable {

    /** Applies one record; a null value is a tombstone. Runs on the follower's thread. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(String key, byte[] value, long offset);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topicName;
    private final KafkaConsumer<String, byte[]> consumer;
    private final RecordHandler handler;
    private final Thread thread;
    private final Object progress = new Object();

    /** The next offset to read (all below it are applied); -1 until the reader has its start position. */
    private long position = -1;
    /** The log end offset when the reader started: the state to rebuild lies below it. */
    private long endAtStart = -1;
    private volatile RuntimeException failure;
    private volatile boolean closing;
    private volatile boolean started;

    public TopicFollower(String topicName, Map<String, Object> readerConfig, RecordHandler handler) {
        this.topicName = topicName;
        this.consumer = new KafkaConsumer<>(readerConfig);
        this.handler = handler;
        this.thread = new Thread(this::run, "follow-" + topicName);
        this.thread.setDaemon(true);
    }

    public void start() {
        started = true;
        thread.start();
    }

    public String topicName() {
        return topicName;
    }

    /**
     * Waits until every record below {@code offset + 1} is applied.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        return awaitPosition(offset + 1, timeout);
    }

    /**
     * Waits until the records that were on the topic when reading began are applied.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (endAtStart < 0 && failure == null) {
                long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (remainingMillis <= 0) {
                    return false;
                }
                progress.wait(remainingMillis);
            }
        }
        requireRunning();
        return awaitPosition(endAtStart, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Whether the state that existed at start is rebuilt. */
    public boolean caughtUp() {
        synchronized (progress) {
            return failure == null && endAtStart >= 0 && position >= endAtStart;
        }
    }

    private boolean awaitPosition(long wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position < wanted) {
                requireRunning();
                long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (remainingMillis <= 0) {
                    return false;
                }
                progress.wait(remainingMillis);
            }
        }
        return true;
    }

    private void requireRunning() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("topic " + topicName + ": its reader stopped: " + failed.getMessage(), failed);
        }
    }

    private void run() {
        TopicPartition partition = new TopicPartition(topicName, 0);
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long start = consumer.position(partition);
            synchronized (progress) {
                endAtStart = end;
                position = start;
                progress.notifyAll();
            }
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                }
                long next = consumer.position(partition);
                synchronized (progress) {
                    position = next;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                fail(new IllegalStateException("woken up while running", e));
            }
        } catch (RuntimeException e) {
            LOG.error("topic {}: reader stopped", topicName, e);
            fail(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            handler.handle(record.key(), record.value(), record.offset());
        } catch (RuntimeException e) {
            // one bad record must not stop the rebuild of everything after it
            LOG.warn("topic {}: record at offset {} (key {}) skipped: {}", topicName, record.offset(), record.key(),
                    e.getMessage());
        }
    }

    private void fail(RuntimeException e) {
        synchronized (progress) {
            failure = e;
            progress.notifyAll();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        if (!started) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5).toMillis());
    }
}

package io.synergy.gateway.application;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: tasks run only when the test advances the clock, in time order, then FIFO.
 * Synchronized, so another thread may schedule while the test advances.
 */
final class ManualDeviceClock implements DeviceClock {

    private record Task(long dueNanos, long serial, Runnable action) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.serial, b.serial));
    private long nowNanos;
    private long serial;

    @Override
    public synchronized long nanoTime() {
        return nowNanos;
    }

    /** The Unix epoch plus the virtual time. */
    @Override
    public synchronized Instant wallTime() {
        return Instant.EPOCH.plusNanos(nowNanos);
    }

    @Override
    public synchronized void schedule(long delayNanos, Runnable task) {
        tasks.add(new Task(nowNanos + Math.max(0, delayNanos), serial++, task));
    }

    /** Runs every task due up to now + {@code nanos} (tasks they schedule included), then sets the time there. */
    synchronized void advanceBy(long nanos) {
        long target = nowNanos + nanos;
        while (!tasks.isEmpty() && tasks.peek().dueNanos <= target) {
            Task task = tasks.poll();
            nowNanos = task.dueNanos;
            task.action.run();
        }
        nowNanos = target;
    }

    /** Runs what is due now. */
    void runDue() {
        advanceBy(0);
    }

    synchronized int pending() {
        return tasks.size();
    }
}

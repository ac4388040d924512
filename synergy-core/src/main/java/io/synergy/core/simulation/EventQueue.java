package io.synergy.core.simulation;

import java.util.PriorityQueue;

/**
 * Pending events ordered by time, then {@link SimEvent.Kind}, then scheduling order. Bounded: a run
 * that schedules more than {@code capacity} events at once is a bug (requests in flight are bounded).
 */
final class EventQueue {

    record Scheduled(long timeNanos, long serial, SimEvent event) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.timeNanos, b.timeNanos);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.event.kind().ordinal(), b.event.kind().ordinal());
        return c != 0 ? c : Long.compare(a.serial, b.serial);
    });
    private final int capacity;
    private long serial;

    EventQueue(int capacity) {
        this.capacity = capacity;
    }

    void schedule(long timeNanos, SimEvent event) {
        if (queue.size() >= capacity) {
            throw new IllegalStateException("event queue: more than " + capacity + " pending events");
        }
        queue.add(new Scheduled(timeNanos, serial++, event));
    }

    Scheduled next() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}

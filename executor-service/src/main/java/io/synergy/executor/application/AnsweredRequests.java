package io.synergy.executor.application;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * Ids of Kafka requests whose outcome is already on {@code synergy.inference.results}, so a request
 * delivered again (its offset was not committed when an executor died) is not answered twice. Filled
 * from the results topic at start and by every outcome written since; bounded: the oldest ids are
 * forgotten first, far beyond how long a request can wait uncommitted. Thread-safe.
 */
public final class AnsweredRequests {

    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    /** @param capacity ids remembered at most (>= 1) */
    public AnsweredRequests(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void answered(String requestId) {
        if (ids.add(requestId) && ids.size() > capacity) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized boolean contains(String requestId) {
        return ids.contains(requestId);
    }

    public synchronized int size() {
        return ids.size();
    }
}

package io.synergy.planner.application;

import java.util.HashMap;
import java.util.Map;

/**
 * Tracks whether the records that were on the input topics at start have been folded: each topic's
 * log end offset then is the mark, and the topic is caught up once a record at or past mark - 1 was
 * seen (or at once, for an empty topic).
 */
public final class InputCatchUp {

    private final Map<String, Long> marks;
    private final Runnable whenCaughtUp;
    private boolean done;

    /**
     * @param endOffsets   per topic, the log end offset at start
     * @param whenCaughtUp runs once, on the thread that completes the catch-up
     */
    public InputCatchUp(Map<String, Long> endOffsets, Runnable whenCaughtUp) {
        this.marks = new HashMap<>();
        endOffsets.forEach((topic, end) -> {
            if (end > 0) {
                marks.put(topic, end);
            }
        });
        this.whenCaughtUp = whenCaughtUp;
    }

    /** Checks for topics that were empty at start: with nothing to read, planning may begin now. */
    public void start() {
        complete();
    }

    /** A record of {@code topic} at {@code offset} was folded. */
    public void seen(String topic, long offset) {
        synchronized (this) {
            Long mark = marks.get(topic);
            if (mark != null && offset >= mark - 1) {
                marks.remove(topic);
            }
        }
        complete();
    }

    /** Gives up waiting (e.g. after a timeout): planning may begin with what was read. */
    public void giveUp() {
        synchronized (this) {
            marks.clear();
        }
        complete();
    }

    public synchronized boolean caughtUp() {
        return done;
    }

    private void complete() {
        synchronized (this) {
            if (done || !marks.isEmpty()) {
                return;
            }
            done = true;
        }
        whenCaughtUp.run();
    }
}

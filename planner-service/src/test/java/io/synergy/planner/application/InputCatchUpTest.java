package io.synergy.planner.application;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InputCatchUpTest {

    private final AtomicInteger released = new AtomicInteger();

    @Test
    void releasesAtOnceWhenEveryTopicWasEmpty() {
        InputCatchUp catchUp = new InputCatchUp(Map.of("a", 0L, "b", 0L), released::incrementAndGet);

        catchUp.start();

        assertThat(released).hasValue(1);
    }

    @Test
    void releasesOnceTheLastRecordOfEveryTopicWasSeen() {
        InputCatchUp catchUp = new InputCatchUp(Map.of("a", 3L, "b", 1L), released::incrementAndGet);
        catchUp.start();

        catchUp.seen("a", 2);
        assertThat(released).hasValue(0);
        catchUp.seen("b", 0);
        catchUp.seen("b", 1);

        assertThat(released).hasValue(1);
        assertThat(catchUp.caughtUp()).isTrue();
    }

    @Test
    void releasesWhenGivingUp() {
        InputCatchUp catchUp = new InputCatchUp(Map.of("a", 3L), released::incrementAndGet);
        catchUp.start();

        catchUp.giveUp();
        catchUp.giveUp();

        assertThat(released).hasValue(1);
    }
}

package io.synergy.testkit.kafka;

import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks Testcontainers whether a Docker engine answers. Without one (no socket, a CLI but no daemon)
 * Testcontainers says no within a few seconds; the timeout guards against an engine that accepts the
 * connection and then hangs. The answer is computed once per JVM.
 */
final class DockerProbe {

    /** Longest wait for an answer; a healthy engine answers in well under a second. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static volatile Boolean reachable;

    private DockerProbe() {
    }

    static boolean dockerReachable() {
        Boolean answer = reachable;
        if (answer == null) {
            synchronized (DockerProbe.class) {
                if (reachable == null) {
                    reachable = ask(TIMEOUT);
                }
                answer = reachable;
            }
        }
        return answer;
    }

    /** False on "no", on any failure, and when there is no answer within {@code timeout}. */
    static boolean ask(Duration timeout) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread asker = new Thread(() -> {
            try {
                answer.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable e) {
                answer.complete(false);
            }
        }, "synergy-docker-probe");
        asker.setDaemon(true); // a hung probe must not keep the JVM alive
        asker.start();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

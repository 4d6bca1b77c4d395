package io.promptmanager.core.execution;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineWatchdogTest {
    private final DeadlineWatchdog watchdog = DeadlineWatchdog.start();

    @AfterEach
    void stop() {
        watchdog.close();
    }

    @Test
    void interruptsACallPastItsTimeOnceAndClearsTheInterruptWhenItFinishes() throws Exception {
        AtomicInteger abandoned = new AtomicInteger();
        AtomicReference<Boolean> finishedInTime = new AtomicReference<>();
        AtomicBoolean interruptedAfterFinish = new AtomicBoolean(true);
        AtomicBoolean sleepInterrupted = new AtomicBoolean();
        Thread call = Thread.ofVirtual().start(() -> {
            DeadlineWatchdog.Watch watch = watchdog.watch(Instant.now().plusMillis(200), abandoned::incrementAndGet);
            try {
                Thread.sleep(Duration.ofMinutes(1)); // a call that ignores its deadline
            } catch (InterruptedException e) {
                sleepInterrupted.set(true);
                Thread.currentThread().interrupt(); // as a careless plugin might leave it
            }
            finishedInTime.set(watch.finish());
            interruptedAfterFinish.set(Thread.currentThread().isInterrupted());
        });

        assertThat(call.join(Duration.ofSeconds(10))).isTrue();
        assertThat(sleepInterrupted).isTrue();
        assertThat(finishedInTime.get()).isFalse();
        assertThat(abandoned).hasValue(1);
        assertThat(interruptedAfterFinish).isFalse();
    }

    @Test
    void neverInterruptsACallThatFinishedInTimeEvenAfterItsTimePasses() throws Exception {
        AtomicInteger abandoned = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Boolean> finishedInTime = new AtomicReference<>();
        AtomicBoolean interruptedLater = new AtomicBoolean(true);
        Thread call = Thread.ofVirtual().start(() -> {
            DeadlineWatchdog.Watch watch = watchdog.watch(Instant.now().plusMillis(50), abandoned::incrementAndGet);
            finishedInTime.set(watch.finish());
            finished.countDown();
            try {
                // well past the watch's time and several scans: nothing may interrupt this wait
                Thread.sleep(DeadlineWatchdog.SCAN_INTERVAL.multipliedBy(5));
                interruptedLater.set(false);
            } catch (InterruptedException e) {
                interruptedLater.set(true);
            }
        });

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(call.join(Duration.ofSeconds(10))).isTrue();
        assertThat(finishedInTime.get()).isTrue();
        assertThat(interruptedLater).isFalse();
        assertThat(abandoned).hasValue(0);
    }
}

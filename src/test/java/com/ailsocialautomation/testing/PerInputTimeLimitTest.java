package com.ailsocialautomation.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The per-input limit of the fuzz tests holds when seeds are replayed: a fuzz test whose input spins for two minutes
 * (run here through the JUnit launcher, as `mvn test` runs the real ones) fails after the limit with a timeout,
 * instead of passing late or holding the build.
 */
class PerInputTimeLimitTest {
    /** Not run by the build (a nested class): only through the launcher below. */
    static class SpinningFuzzTest {
        static volatile long began;

        @FuzzTest
        @PerInputTimeLimit
        void spinsForTwoMinutes(byte[] input) {
            began = System.nanoTime();
            long end = began + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void aSeedThatTakesLongerThanTheLimitFailsAfterTheLimit() {
        // without the listeners the build registers, which would report this inner run as the build's own
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false).enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false).build());
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(SpinningFuzzTest.class)).build(), listener);
        Duration took = Duration.ofNanos(System.nanoTime() - SpinningFuzzTest.began);
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(1, summary.getTestsFailedCount(), "the replayed input fails: " + summary.getTestsFoundCount() + " found");
        assertInstanceOf(TimeoutException.class, summary.getFailures().get(0).getException(),
                summary.getFailures().get(0).getException().toString());
        assertTrue(took.compareTo(Duration.ofSeconds(PerInputTimeLimit.SECONDS + 15)) < 0, "stopped at the limit, not after two minutes: " + took);
    }
}

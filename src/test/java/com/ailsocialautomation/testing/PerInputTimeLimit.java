package com.ailsocialautomation.testing;

import org.junit.jupiter.api.Timeout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * The time one input of a fuzz test may take. When `mvn test` replays the seeds, each seed is its own invocation
 * and fails after this long, stopped from another thread (a seed that hangs or backtracks for minutes is a failure,
 * not a stuck build); when fuzzing (JAZZER_FUZZ=1), Jazzer turns it into libFuzzer's per-input timeout. Generous,
 * because the build machine may be busy: the seeds take milliseconds.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = PerInputTimeLimit.SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface PerInputTimeLimit {
    long SECONDS = 10;
}

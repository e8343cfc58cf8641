package com.ailsocialautomation.platform;

import java.time.Duration;
import java.util.List;

/**
 * How fast AIL publishes to one account of a platform, so that none of the platform's per-account windows is ever
 * exceeded however fast the engine gets. The windows are the platform's ("300 posts in 3 hours"); AIL paces each
 * account as one allowance that refills steadily: {@link #burst()} requests at once, then one every
 * {@link #spacing()}. A request is counted when its turn comes, and it leaves within {@link #lateness()} of it (a
 * turn missed by more is taken anew), so for every window of length P holding L: burst + (P + lateness) / spacing
 * &le; L, which bounds the requests in any stretch of P, wherever the platform starts its windows.
 *
 * @param windows  the platform's per-account limits
 * @param lateness how long after its turn a run may still send its requests (a thread's parts, its first comment)
 */
public record PublishPace(List<Window> windows, Duration lateness) {
    /** At most {@code posts} requests that create a post, a thread part or a comment, in any {@code per}. */
    public record Window(int posts, Duration per) {
        public Window {
            if (posts < 2 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a publish window needs at least 2 posts in a positive time");
            }
        }
    }

    /** How long after its turn a run may still be sending: a whole run, thread parts included, fits in a minute. */
    public static final Duration RUN_LATENESS = Duration.ofMinutes(1);

    public PublishPace {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a pace needs at least one window");
        }
    }

    public static PublishPace of(int posts, Duration per) {
        return new PublishPace(List.of(new Window(posts, per)), RUN_LATENESS);
    }

    public PublishPace and(int posts, Duration per) {
        List<Window> more = new java.util.ArrayList<>(windows);
        more.add(new Window(posts, per));
        return new PublishPace(more, lateness);
    }

    /** Requests that may go at once to an account that has been quiet: half the smallest window's posts. */
    public int burst() {
        return windows.stream().mapToInt(Window::posts).min().orElseThrow() / 2;
    }

    /** The steady time between two requests once the burst is used, the slowest any window needs. */
    public Duration spacing() {
        int burst = burst();
        long nanos = 0;
        for (Window w : windows) {
            nanos = Math.max(nanos, (w.per().plus(lateness).toNanos() + w.posts() - burst - 1) / (w.posts() - burst));
        }
        return Duration.ofNanos(nanos);
    }

    /** How people read the limit: "300 posts in 3 hours". */
    public String describe() {
        return describe("posts");
    }

    /** The same, counting {@code what}: "30 media uploads in 30 minutes". */
    public String describe(String what) {
        Window w = windows.get(0);
        return w.posts() + " " + what + " in " + words(w.per());
    }

    private static String words(Duration d) {
        long s = d.toSeconds();
        return s % 86_400 == 0 ? plural(s / 86_400, "day") : s % 3_600 == 0 ? plural(s / 3_600, "hour")
                : s % 60 == 0 ? plural(s / 60, "minute") : plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n == 1 ? (unit.equals("hour") ? "an hour" : "a " + unit) : n + " " + unit + "s";
    }
}

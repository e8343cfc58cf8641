package com.ailsocialautomation.console;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.Outstanding;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When the console's input ends, AIL stops with it; a script must not lose what it started. So posts publishing
 * now or due within {@link #GRACE} are waited for (at most {@link #MAX_WAIT}) and each outcome printed; later
 * posts are named as going out at the next start. Their notices are kept for the next console start.
 */
final class ConsoleEnd {
    static final Duration GRACE = Duration.ofSeconds(30);
    /** The grace, plus time for the last due post to be published. */
    static final Duration MAX_WAIT = GRACE.plusSeconds(15);
    private static final long POLL_MILLIS = 250;

    private final CommandService commands;
    private final Outstanding outstanding;
    private final Invocation local;
    private final PrintStream out;

    ConsoleEnd(CommandService commands, Outstanding outstanding, Invocation local, PrintStream out) {
        this.commands = commands;
        this.outstanding = outstanding;
        this.local = local;
        this.out = out;
    }

    void finish() {
        Outstanding.Split split = outstanding.of(local, GRACE);
        Set<String> waited = new LinkedHashSet<>(ids(split.soon()));
        if (!waited.isEmpty()) {
            print("End of input: waiting up to " + MAX_WAIT.toSeconds() + " s for " + waited.size()
                    + (waited.size() == 1 ? " post" : " posts") + " due now (" + String.join(", ", waited) + ")…");
            Set<String> stillDue = waitFor(waited);
            for (String id : waited) {
                String outcome = firstLine(Terminal.render(commands.run(local, "show " + id), false));
                print(stillDue.contains(id) ? outcome + " — not finished; AIL finishes it at the next start." : outcome);
            }
            split = outstanding.of(local, Duration.ZERO);
        }
        List<Outstanding.Pending> later = split.later().stream().filter(p -> !waited.contains(p.shortId())).toList();
        if (!later.isEmpty()) {
            print("Still scheduled; AIL publishes these when it next runs (console or serve) at or after their time: "
                    + String.join(", ", later.stream().map(p -> p.shortId() + " (" + p.when() + ")").toList()) + ".");
        }
    }

    /** Waits until none of {@code ids} is still to go out, or the time is up; returns those still pending. */
    private Set<String> waitFor(Set<String> ids) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        Set<String> pending = new LinkedHashSet<>(ids);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Outstanding.Split now = outstanding.of(local, Duration.ZERO);
            Set<String> open = new LinkedHashSet<>(ids(now.soon()));
            open.addAll(ids(now.later()));
            pending.retainAll(open);
        }
        return pending;
    }

    private static List<String> ids(List<Outstanding.Pending> posts) {
        return posts.stream().map(Outstanding.Pending::shortId).toList();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}

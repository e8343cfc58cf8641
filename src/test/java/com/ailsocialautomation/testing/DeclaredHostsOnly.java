package com.ailsocialautomation.testing;

import com.ailsocialautomation.privacy.OutboundDestinations;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The outbound allowlist enforced where connections are made: registered for every test of the suite (through
 * META-INF/services and junit-platform.properties), it watches every name lookup and every socket connect of the
 * JVM (the JDK's HTTP client, Jetty, OkHttp under Bolt and JDA, JDBC) and fails the running test when one goes to a
 * host that is neither this machine nor declared in {@link OutboundDestinations#HOSTS} as a host AIL calls. Hosts
 * people choose (a Mastodon instance, a webhook, a media URL) are allowed only when looked up through
 * {@code net.UrlGuard}, the one path the product lets them take. A violation is recorded, not thrown, so code that
 * swallows exceptions cannot hide it. Breakage tried: a DirectApiClient call to the undeclared api.undeclared-cdn.io
 * fails {@code DeclaredHostsOnlyTest} and any test that reaches it.
 */
public final class DeclaredHostsOnly implements BeforeEachCallback, AfterEachCallback {
    private static final Set<OutboundDestinations.Kind> CALLED = Set.of(
            OutboundDestinations.Kind.PLATFORM_API, OutboundDestinations.Kind.CHAT_API, OutboundDestinations.Kind.SELF);
    private static final ConcurrentLinkedQueue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
    /** This machine's own name, which servers and loggers look up (InetAddress.getLocalHost). */
    private static volatile String machineName = "localhost";

    static {
        install();
    }

    @SuppressWarnings("removal") // the JDK's only hook that sees every lookup and connect of every client library
    private static synchronized void install() {
        if (System.getSecurityManager() instanceof Watcher) {
            return;
        }
        try {
            machineName = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            // then only "localhost" names this machine
        }
        System.setSecurityManager(new Watcher());
    }

    /** Whether AIL may reach {@code host} from {@code stack}'s code; public for the extension's own test. */
    public static boolean allowed(String host, StackTraceElement[] stack) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals(machineName) || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (h.equals("example.com")) {
            return true; // net.UrlGuard's probe after a failed lookup (DNS only): is it a typo or no network?
        }
        if (h.endsWith(".invalid") || h.endsWith(".localhost")) {
            return true; // reserved names that never resolve elsewhere: tests use them for "unknown host"
        }
        if (OutboundDestinations.find(h).filter(d -> CALLED.contains(d.kind())).isPresent()) {
            return true;
        }
        for (StackTraceElement frame : stack) {
            // UrlGuard looks names up on TimedResolver's pool threads, whose stacks only show TimedResolver
            if (frame.getClassName().equals("com.ailsocialautomation.net.UrlGuard")
                    || frame.getClassName().startsWith("com.ailsocialautomation.net.TimedResolver")) {
                return true; // a host a person chose, checked by the guard before anything connects
            }
        }
        return false;
    }

    /** Violations seen since the last call, emptied. */
    public static List<String> drain() {
        List<String> seen = new ArrayList<>();
        for (String v; (v = VIOLATIONS.poll()) != null; ) {
            seen.add(v);
        }
        return seen;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        drain(); // what a previous test's stray threads did is not this test's fault
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> seen = drain();
        if (!seen.isEmpty()) {
            throw new AssertionError("connected to hosts not declared in privacy.OutboundDestinations.HOSTS: " + seen);
        }
    }

    @SuppressWarnings("removal")
    private static final class Watcher extends SecurityManager {
        @Override
        public void checkConnect(String host, int port) {
            check(host, port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            check(host, port);
        }

        private static void check(String host, int port) {
            if (host != null && !allowed(host, new Throwable().getStackTrace())) {
                VIOLATIONS.add(host + (port < 0 ? " (lookup)" : ":" + port));
            }
        }

        @Override
        public void checkPermission(Permission perm) {
            // everything else is allowed: this manager only watches where connections go
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
        }
    }
}

package com.ailsocialautomation.wiring;

import javax.net.ssl.SSLContext;
import java.util.List;

/**
 * Loads what the later start phases need (the web server, the HTTP client and its TLS trust store, Tink, Flyway, the
 * scheduler) on a thread of its own while the embedded PostgreSQL starts, a process the main thread only waits for:
 * class loading and the trust store are most of a start's own work. Best effort: a class that fails here fails
 * again where it is used, with the error that matters.
 */
final class Warmup {
    private static final List<String> CLASSES = List.of(
            "org.flywaydb.core.Flyway",
            "com.google.crypto.tink.aead.AeadConfig",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "org.eclipse.jetty.client.HttpClient",
            "org.eclipse.jetty.util.ssl.SslContextFactory$Client",
            "com.github.kagkarlsson.scheduler.Scheduler",
            "org.eclipse.jetty.server.Server",
            "io.javalin.Javalin");

    private Warmup() {}

    static void begin() {
        Thread thread = new Thread(Warmup::load, "ail-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        ClassLoader loader = Warmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (Throwable ignored) { // see the class comment
            }
        }
        try {
            SSLContext.getDefault(); // reads the JDK's trust store, which every platform client needs
        } catch (Exception ignored) {
        }
    }
}

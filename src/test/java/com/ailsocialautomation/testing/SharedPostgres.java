package com.ailsocialautomation.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL for many test JVMs, for PIT's runs (README "Mutation testing"): started with
 * {@code java -cp <test classpath> com.ailsocialautomation.testing.SharedPostgres PORT}, it serves until it is
 * stopped (Ctrl-C or kill), and {@link PostgresExtension} uses it in JVMs given {@code -Dail.test.postgresPort=PORT}.
 * Its data directory is temporary and goes with it.
 */
public final class SharedPostgres {
    private SharedPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].matches("\\d{4,5}")) {
            System.err.println("Usage: SharedPostgres PORT (a free TCP port on localhost, e.g. 25432)");
            System.exit(2);
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0])).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println("PostgreSQL for tests on localhost:" + server.getPort() + "; stop with Ctrl-C");
        Thread.currentThread().join();
    }
}

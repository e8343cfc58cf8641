package com.ailsocialautomation.store;

import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The embedded PostgreSQL accepts only AIL: initdb leaves every local connection trusted, so on start the
 * superuser gets a generated password (kept mode 600 beside the cluster) and pg_hba.conf is rewritten to ask for
 * it over loopback and the socket alike. A cluster from before this rule is upgraded the same way on its next start.
 */
final class EmbeddedAuth {
    /** The whole pg_hba.conf AIL keeps; anything else in the file is replaced. */
    static final String HBA = """
            # Written by AIL on every start: only AIL, with the password in ../postgres.password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private EmbeddedAuth() {}

    static Path passwordFile(DataDirectory dataDirectory) {
        return dataDirectory.postgresData().resolveSibling("postgres.password");
    }

    /** The cluster's password, generated on first use with owner-only permissions. */
    static Secret password(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, password + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                return Secret.of(password);
            }
            String password = Files.readString(file).strip();
            if (!password.matches("[A-Za-z0-9_-]{32,}")) {
                throw new ConfigError("AIL_DATA_DIR", "holds a postgres.password that is not one AIL wrote; delete it and restart");
            }
            return Secret.of(password);
        } catch (IOException e) {
            throw new ConfigError("AIL_DATA_DIR", "holds a postgres.password that cannot be read or written ("
                    + e.getClass().getSimpleName() + "); check the directory's owner and permissions");
        }
    }

    /**
     * Sets the password and rewrites pg_hba.conf when the cluster still trusts local connections. The server was
     * started with the password as its connect setting, which a trusting server ignores, so this connection works
     * in both states.
     */
    static void require(EmbeddedPostgres pg, Path pgData, Secret password) {
        Path hba = pgData.resolve("pg_hba.conf");
        try {
            if (Files.exists(hba) && Files.readString(hba).equals(HBA)) {
                return;
            }
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("set password_encryption = 'scram-sha-256'");
                // a generated base64url password: no quote can break out of the literal
                s.execute("alter role postgres password '" + password.reveal() + "'");
                Path tmp = pgData.resolve("pg_hba.conf.tmp");
                Files.writeString(tmp, HBA);
                Files.move(tmp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                s.execute("select pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL could not be closed to other users ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}

package com.ailsocialautomation.privacy;

import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.testing.PostgresExtension;

import javax.sql.DataSource;
import java.util.Base64;

/**
 * A migrated, empty database for one test (the extension gives one per class). Tests that search the raw contents
 * of every table need that: no other test's rows may be there to hide or fake a result.
 */
final class FreshDatabase implements AutoCloseable {
    private final Database database;
    private final Vault vault;

    FreshDatabase() {
        database = Database.over(PostgresExtension.jdbcUrl(PostgresExtension.newDatabase()), "postgres", null, null);
        database.migrate();
        vault = Vault.open(database.dataSource(), Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64));
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    Vault vault() {
        return vault;
    }

    @Override
    public void close() {
        database.close();
    }
}

package com.ailsocialautomation.wiring;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.DataDirectory;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.MediaUploads;
import com.ailsocialautomation.store.OAuthApps;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.store.PendingRevocations;
import com.ailsocialautomation.store.Drafts;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.QueueSlots;
import com.ailsocialautomation.store.Series;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.TargetParts;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.TechnicalData;
import com.ailsocialautomation.store.UploadAllowances;
import com.ailsocialautomation.store.PublishTurns;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.VaultError;
import com.ailsocialautomation.store.Workspaces;

import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;
import java.util.Base64;
import java.util.function.Supplier;

/** The database, its vault and the repositories over them. */
public final class Store {
    /** The database when this store opened it; null when built {@link #over} one that the caller manages. */
    public final Database database;
    public final Sql sql;
    public final Vault vault;
    public final Workspaces workspaces;
    public final Accounts accounts;
    public final Posts posts;
    public final Drafts drafts;
    public final QueueSlots queueSlots;
    public final Series series;
    public final Targets targets;
    public final MediaUploads mediaUploads;
    public final UploadAllowances uploadAllowances;
    public final PublishTurns publishTurns;
    public final Attempts attempts;
    public final TargetParts targetParts;
    public final Outbox outbox;
    public final OAuthStates oauthStates;
    public final OAuthApps oauthApps;
    public final PendingRevocations revocations;
    public final TechnicalData technicalData;
    public final Audit audit;
    public final MediaStore media;

    private Store(Database database, DataSource dataSource, Vault vault) {
        this.database = database;
        this.sql = new Sql(dataSource);
        this.vault = vault;
        this.workspaces = new Workspaces(sql);
        this.accounts = new Accounts(sql, vault);
        this.posts = new Posts(sql, vault);
        this.drafts = new Drafts(sql);
        this.queueSlots = new QueueSlots(sql);
        this.series = new Series(sql, vault);
        this.targets = new Targets(sql, vault);
        this.mediaUploads = new MediaUploads(sql, vault);
        this.uploadAllowances = new UploadAllowances(sql);
        this.publishTurns = new PublishTurns(sql);
        this.attempts = new Attempts(sql, vault);
        this.targetParts = new TargetParts(sql);
        this.outbox = new Outbox(sql, vault);
        this.oauthStates = new OAuthStates(sql, vault);
        this.oauthApps = new OAuthApps(sql, vault);
        this.revocations = new PendingRevocations(sql, vault);
        this.technicalData = new TechnicalData(sql);
        this.audit = new Audit(sql);
        this.media = new MediaStore(sql, vault);
    }

    /** The repositories over a migrated database and its vault (tests, which manage the database themselves). */
    public static Store over(DataSource dataSource, Vault vault) {
        return new Store(null, dataSource, vault);
    }

    /**
     * Opens the configured database (the embedded PostgreSQL in AIL_DATA_DIR under its lock, or AIL_DATABASE_URL),
     * migrates it and opens the vault under the master key. What must be stopped is handed to {@code own} as soon
     * as it runs, so a failure or a stop request part-way leaves nothing behind.
     */
    public static Store open(Config config, MeterRegistry metrics, Owner own) {
        return open(config, metrics, own, new StartTimes());
    }

    /** The same, recording how long each step took in {@code times}. */
    public static Store open(Config config, MeterRegistry metrics, Owner own, StartTimes times) {
        DataDirectory dataDir = config.embeddedDatabase() ? DataDirectory.lock(config.dataDir()) : null;
        if (dataDir != null) {
            own.own("data-directory lock", dataDir);
        }
        times.lap("data directory");
        Warmup.begin();
        Database database = withDatabaseContext(config, () -> Database.open(config, dataDir, metrics));
        own.own(config.embeddedDatabase() ? "database pool and embedded PostgreSQL" : "database pool", database);
        times.lap(config.embeddedDatabase() ? "embedded PostgreSQL" : "database pool");
        byte[] masterKey = config.encryptionKey() != null
                ? Base64.getDecoder().decode(config.encryptionKey().reveal())
                : dataDir.masterKey();
        withDatabaseContext(config, () -> {
            database.migrate();
            return null;
        });
        times.lap("migrations");
        Store store = new Store(database, database.dataSource(), Vault.open(database.dataSource(), masterKey));
        times.lap("vault");
        return store;
    }

    /** Turns a failure of the database into one line that says which database and what went wrong. */
    private static <T> T withDatabaseContext(Config config, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigError | VaultError | StartError e) {
            throw e;
        } catch (RuntimeException e) {
            String which = config.embeddedDatabase()
                    ? "the embedded PostgreSQL in AIL_DATA_DIR (" + config.dataDir() + ")"
                    : "the database at AIL_DATABASE_URL";
            throw new StartError(which + " cannot be used: " + StartError.firstLineOf(e), e);
        }
    }
}

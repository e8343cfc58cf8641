import com.ailsocialautomation.config.ConfigCipher;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Encrypt+decrypt operations per second, one thread: AIL's Vault (Tink AES-256-GCM with associated data naming
 * table, column and row) against Jasypt PBEWITHHMACSHA512ANDAES_256 as ConfigCipher sets it up. One operation is
 * one encryption plus one decryption of a ~100-byte secret. Run with bench/vault.sh.
 */
public class VaultBench {
    static final String SECRET = "ya29.a0AfB_byC" + "x".repeat(80) + "-token"; // ~100 bytes, like an OAuth token
    static volatile int sink;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        Path dir = Files.createTempDirectory("ail-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
             Database db = Database.over(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, null)) {
            db.migrate();
            byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            Vault vault = Vault.open(db.dataSource(), masterKey); // the keyset lives in PostgreSQL; encryption does not touch it

            UUID[] rows = new UUID[1024];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = UUID.randomUUID();
            }
            int[] i = {0};
            measure("Vault (Tink AES-256-GCM + AAD)", seconds, 5, () -> {
                Vault.Place place = new Vault.Place("social_accounts", "access_token_enc", rows[i[0]++ & 1023]);
                String back = vault.decrypt(vault.encrypt(SECRET, place), place);
                return back.length();
            });

            ConfigCipher jasypt = new ConfigCipher(Secret.of("a-configuration-password"));
            measure("Jasypt PBEWITHHMACSHA512ANDAES_256", seconds, 3, () -> jasypt.decrypt(jasypt.encrypt(SECRET)).length());
        }
    }

    static void measure(String name, double seconds, int rounds, IntSupplier op) {
        run(op, (long) (seconds * 1e9)); // warm-up: let the JIT compile the path
        double[] opsPerSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            opsPerSecond[r] = run(op, (long) (seconds * 1e9));
        }
        Arrays.sort(opsPerSecond);
        double median = opsPerSecond[rounds / 2];
        System.out.printf("%-36s %,12.0f ops/s  %9.2f µs/op  (median of %d rounds of %.1f s; min %,.0f, max %,.0f)%n",
                name, median, 1e6 / median, rounds, seconds, opsPerSecond[0], opsPerSecond[rounds - 1]);
    }

    static double run(IntSupplier op, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long count = 0;
        int acc = 0;
        long now;
        do {
            for (int k = 0; k < 16; k++) {
                acc += op.getAsInt();
            }
            count += 16;
            now = System.nanoTime();
        } while (now < end);
        sink = acc;
        return count * 1e9 / (now - start);
    }
}

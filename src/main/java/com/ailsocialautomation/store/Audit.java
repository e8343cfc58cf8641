package com.ailsocialautomation.store;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What remains after an erasure: the action, a salted hash of who it was about, the time and the counts erased.
 * The hash is an HMAC-SHA256 under a salt generated once per installation, so the operator can answer "was I
 * erased?" by hashing the person's chat ids again, while the row alone names nobody.
 */
public final class Audit {
    /** An audit row as stored. */
    public record Entry(String action, String subjectHash, Map<String, Integer> counts, java.time.Instant at) {}

    private final Sql sql;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] salt;

    public Audit(Sql sql) {
        this.sql = sql;
    }

    /** The subject's salted hash, hex; the subject is a stable description such as {@code user:slack:T1:U2}. */
    public String subjectHash(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Records an erasure inside the caller's transaction, so the row exists exactly when the data is gone. */
    public void record(Sql tx, String action, String subjectHash, Map<String, Integer> counts) {
        try {
            tx.update("insert into audit_records (id, action, subject_hash, counts) values (?, ?, ?, ?)",
                    UUID.randomUUID(), action, subjectHash, Json.MAPPER.writeValueAsString(counts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts could not be serialised", e);
        }
    }

    /** The rows about one subject, oldest first. */
    public java.util.List<Entry> entries(String subjectHash) {
        return sql.list("select * from audit_records where subject_hash = ? order by created_at", rs -> {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Integer> counts = Json.MAPPER.readValue(rs.getString("counts"), LinkedHashMap.class);
                return new Entry(rs.getString("action"), rs.getString("subject_hash"), counts, Sql.instant(rs, "created_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an audit row could not be read", e);
            }
        }, subjectHash);
    }

    /** Generated on first use; two instances racing both end up with the one that was stored first. */
    private byte[] salt() {
        byte[] known = salt;
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        sql.update("insert into audit_salt (id, salt) values (1, ?) on conflict (id) do nothing", (Object) fresh);
        known = sql.one("select salt from audit_salt where id = 1", rs -> rs.getBytes(1)).orElseThrow();
        salt = known;
        return known;
    }
}

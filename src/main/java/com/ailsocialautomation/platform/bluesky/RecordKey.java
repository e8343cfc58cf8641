package com.ailsocialautomation.platform.bluesky;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The record key of a target's post, derived from its idempotency key, so that every attempt writes the same
 * record: a repeat either creates it or finds it, and a lost answer can never post twice. Posts are keyed by TID
 * (Bluesky's AppView indexes only those): 53 bits of microseconds and a 10-bit clock id, in base32-sortable.
 * The microseconds are the post's scheduled second plus a fraction taken from the key, so the key also sorts
 * where the post belongs in the repository.
 */
final class RecordKey {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private RecordKey() {}

    static String of(UUID idempotencyKey, Instant scheduledAt) {
        long hash = ByteBuffer.wrap(sha256(idempotencyKey.toString())).getLong();
        long micros = scheduledAt.truncatedTo(ChronoUnit.SECONDS).getEpochSecond() * 1_000_000L
                + Math.floorMod(hash, 1_000_000L);
        long clockId = (hash >>> 40) & 0x3FF;
        return encode(micros, 11) + encode(clockId, 2);
    }

    private static String encode(long value, int length) {
        char[] out = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

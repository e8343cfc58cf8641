package com.ailsocialautomation.store;

import java.security.SecureRandom;

/**
 * Ids people can type: a letter naming the kind (p for posts, a for accounts) and four characters from an
 * alphabet without look-alikes (no 0/o, 1/l/i). Uniqueness is per workspace, enforced by the database;
 * callers retry on a clash.
 */
public final class ShortIds {
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortIds() {}

    /** Whether {@code word} (in any case) has the shape of a short id of this kind; it may name nothing. */
    public static boolean looksLike(char kind, String word) {
        if (word == null || word.length() != 5 || Character.toLowerCase(word.charAt(0)) != kind) {
            return false;
        }
        return word.substring(1).toLowerCase(java.util.Locale.ROOT).chars()
                .allMatch(c -> new String(ALPHABET).indexOf(c) >= 0);
    }

    public static String next(char kind) {
        char[] id = new char[5];
        id[0] = kind;
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}

package com.ailsocialautomation.config;

import java.util.Objects;

/** A secret value whose toString never shows it, so it cannot leak into a log line or an exception by accident. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** Null when the value is null, so optional secrets stay optional. */
    public static Secret ofNullable(String value) {
        return value == null ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // deliberately constant: a hash would leak information about the value
    }

    @Override
    public String toString() {
        return "****";
    }
}

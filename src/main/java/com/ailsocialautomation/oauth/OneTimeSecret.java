package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret used once: a connect link's token, an OAuth state, a PKCE verifier, a browser binding. 256 random
 * bits as 43 base64url characters, which is also a valid PKCE verifier (RFC 7636 wants 43 to 128 of them). Only its
 * SHA-256 is stored. The web calendar's session cookies are such secrets too.
 */
public record OneTimeSecret(Secret value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static OneTimeSecret random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OneTimeSecret(Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    public byte[] hash() {
        return sha256(value.reveal());
    }

    /** The PKCE S256 challenge: base64url of the SHA-256 of the verifier, without padding. */
    public String challenge() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash());
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

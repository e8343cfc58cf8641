package com.ailsocialautomation.calendar;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.oauth.OneTimeSecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * One sign-in's secrets, all derived from a random seed that only the browser holds (an HttpOnly cookie for the
 * round trip): the OAuth state, the OpenID nonce and the PKCE verifier. Nothing is stored on the server, yet a
 * callback is accepted only in the browser that started it, with the state it was sent with.
 */
record SignInFlow(Secret seed) {
    static final String SHAPE = "[A-Za-z0-9_-]{43}";

    static SignInFlow start() {
        return new SignInFlow(OneTimeSecret.random().value());
    }

    /** The flow of a cookie's value, or null when it is not one AIL set. */
    static SignInFlow of(String cookie) {
        return cookie == null || !cookie.matches(SHAPE) ? null : new SignInFlow(Secret.of(cookie));
    }

    String state() {
        return derive("state");
    }

    String nonce() {
        return derive("nonce");
    }

    /** 43 base64url characters, as RFC 7636 wants a verifier. */
    String verifier() {
        return derive("pkce");
    }

    String challenge() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(OneTimeSecret.sha256(verifier()));
    }

    /** Whether {@code sent} is this flow's state, compared in constant time. */
    boolean stateIs(String sent) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), state().getBytes(StandardCharsets.UTF_8));
    }

    private String derive(String purpose) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                OneTimeSecret.sha256("ail-calendar-" + purpose + "\u0000" + seed.reveal()));
    }
}

package com.ailsocialautomation.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The headers every response carries, set once after every handler (error pages and 404s included): no script, no
 * style but {@link Html#STYLE}, no framing (so the connect confirmation cannot be clickjacked), forms post only to
 * AIL, no MIME sniffing, no Referer (addresses can carry one-time tokens), and HSTS when AIL is served over https.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + hash(Html.STYLE)
            + "; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    /** One year; includeSubDomains is left to the operator, who may serve other hosts under the same domain. */
    static final String HSTS = "max-age=31536000";

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY"); // for browsers that predate frame-ancestors
        if (https) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
    }

    private static String hash(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

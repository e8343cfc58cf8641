package com.ailsocialautomation.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The headers every response carries, set once after every handler (error pages and 404s included): no script, no
 * style but {@link Html#STYLE} (a page may add AIL's own files: {@link #allowOwnAssets}), no framing (so the connect confirmation cannot be clickjacked), forms post only to
 * AIL, no MIME sniffing, no Referer (addresses can carry one-time tokens), and HSTS when AIL is served over https.
 */
public final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + hash(Html.STYLE)
            + "; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final String FORM_TARGET = "ail.form-action-target";
    private static final String OWN_ASSETS = "ail.own-assets";
    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    /** One year; includeSubDomains is left to the operator, who may serve other hosts under the same domain. */
    static final String HSTS = "max-age=31536000";

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    /**
     * Lets this page's form continue to {@code target}'s origin as well as to AIL: browsers apply form-action to the
     * redirect that answers the form too (the connect confirmation's POST redirects to the platform's authorize page).
     */
    public static void formMayContinueTo(Context ctx, java.net.URI target) {
        String origin = target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        if (ORIGIN.matcher(origin).matches()) {
            ctx.attribute(FORM_TARGET, origin);
        }
    }

    /**
     * Lets this page load AIL's own script and stylesheet (the web calendar's), from AIL's origin only: still no inline
     * script, no third party, no eval.
     */
    public static void allowOwnAssets(Context ctx) {
        ctx.attribute(OWN_ASSETS, Boolean.TRUE);
    }

    void apply(Context ctx) {
        String target = ctx.attribute(FORM_TARGET);
        String policy = target == null ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + target);
        if (Boolean.TRUE.equals(ctx.attribute(OWN_ASSETS))) {
            policy = policy.replace("; style-src ", "; script-src 'self'; style-src 'self' ");
        }
        ctx.header("Content-Security-Policy", policy);
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

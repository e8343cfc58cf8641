package com.ailsocialautomation.calendar;

import com.ailsocialautomation.oauth.OneTimeSecret;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

/**
 * The calendar's cookies, all HttpOnly, SameSite=Lax and Secure when AIL's public URL is https: the session, the
 * sign-in round trip's seed and a one-shot notice from the last action. The CSRF token of a session's forms is
 * derived from the session's token, which a page elsewhere cannot read.
 */
final class Cookies {
    static final String SESSION = "ail_calendar";
    static final String FLOW = "ail_calendar_signin";
    static final String NOTICE = "ail_calendar_notice";
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    void set(Context ctx, String name, String value, String path, Duration lifetime) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    void clear(Context ctx, String name, String path) {
        set(ctx, name, "", path, Duration.ZERO);
    }

    /** The notice left by the last action, read once. */
    String takeNotice(Context ctx) {
        String stored = ctx.cookie(NOTICE);
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        clear(ctx, NOTICE, "/calendar");
        try {
            return new String(Base64.getUrlDecoder().decode(stored), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void notice(Context ctx, String text) {
        String cut = text.length() > 600 ? text.substring(0, 600) + "…" : text;
        set(ctx, NOTICE, Base64.getUrlEncoder().withoutPadding().encodeToString(cut.getBytes(StandardCharsets.UTF_8)),
                "/calendar", Duration.ofMinutes(1));
    }

    static String csrf(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                OneTimeSecret.sha256("ail-calendar-csrf\u0000" + sessionToken));
    }

    static boolean csrfHolds(String sessionToken, String sent) {
        return sessionToken != null && sent != null && MessageDigest.isEqual(
                csrf(sessionToken).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}

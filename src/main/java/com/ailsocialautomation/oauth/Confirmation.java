package com.ailsocialautomation.oauth;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.ConnectLinks;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.web.Html;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The page a connect link opens, and the check of the POST that continues from it. Opening a link (a click, a link
 * preview, a scanner) changes nothing: the page names who asked for the link and where the account would go, and
 * only its button continues. The button's form carries a token derived from a random secret kept in an HttpOnly
 * cookie of this browser, so a POST from anywhere else, or from a browser that never showed the page, is refused.
 */
final class Confirmation {
    static final String COOKIE = "ail_browser";
    private static final String SECRET_SHAPE = "[A-Za-z0-9_-]{43}";

    private final boolean secureCookies;

    Confirmation(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** This browser's binding secret: the one it already has for {@code path}, else a new one it is given now. */
    Secret browser(Context ctx, String path) {
        String existing = ctx.cookie(COOKIE);
        if (existing != null && existing.matches(SECRET_SHAPE)) {
            return Secret.of(existing);
        }
        Secret fresh = OneTimeSecret.random().value();
        ctx.header("Set-Cookie", cookie(COOKIE, fresh.reveal(), path, ConnectLinks.LIFETIME.toSeconds()));
        return fresh;
    }

    /** The form's token: only a page shown in this browser for this link can know it. */
    static String csrf(Secret browser, String linkToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                OneTimeSecret.sha256("ail-connect-confirm\u0000" + browser.reveal() + "\u0000" + linkToken));
    }

    /** The browser secret of a POST from the page, or a 403 that used nothing up. */
    static Secret confirmed(Context ctx, String linkToken) {
        String browser = ctx.cookie(COOKIE);
        String sent = ctx.formParam("csrf");
        if (linkToken == null || linkToken.isBlank()) {
            throw new UserError("This confirmation is incomplete. Open the link from chat again.");
        }
        if (browser == null || !browser.matches(SECRET_SHAPE) || sent == null || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), csrf(Secret.of(browser), linkToken).getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This confirmation did not come from AIL's page in this browser, so nothing was done. "
                    + "Open the link from chat again and press the button there (your browser must accept cookies from AIL).");
        }
        return Secret.of(browser);
    }

    String cookie(String name, String value, String path, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : "");
    }

    /** Who asked, where the account goes, and a warning for whoever was sent someone else's link. */
    static String explanation(OAuthStates.Pending pending, String what) {
        OAuthStates.Link link = pending.link();
        String where = link.instanceUrl() == null ? "" : " on " + URI.create(link.instanceUrl()).getHost();
        return Html.p(pending.requester() + " asked AIL to connect " + what + where + " to the " + pending.frontEnd().displayName()
                + " workspace \u201c" + pending.workspace() + "\u201d. People there will be able to post to it through AIL.")
                + Html.p("Continue only if you asked for this link yourself in that workspace. If someone sent it to you, "
                + "close this page: nothing has been connected.");
    }

    /** The form that continues: the link token, this page's token, any fields, one button. */
    static String form(String action, String linkToken, Secret browser, String fieldsHtml, String button) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<input type=\"hidden\" name=\"s\" value=\"" + Html.escape(linkToken) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(csrf(browser, linkToken)) + "\">"
                + fieldsHtml + "<p><button type=\"submit\">" + Html.escape(button) + "</button></p></form>";
    }

    /** "an x account", "a mastodon account". */
    static String article(String platform) {
        return platform.matches("[aeiox].*") ? "an" : "a";
    }
}

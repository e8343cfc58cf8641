package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.store.TechnicalData;
import com.ailsocialautomation.web.Html;
import com.ailsocialautomation.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The browser's side of connecting an account: {@code /oauth/<platform>/start} and {@code /callback}. Neither
 * page may be cached or leak its address (which holds the link token, or the code and state) as a Referer; the
 * only redirect is to the platform's authorize page.
 */
public final class OAuthRoutes implements WebRoutes {
    private static final Pattern PREVIEW_BOTS = Pattern.compile("Slackbot|Discordbot|facebookexternalhit|Twitterbot|TelegramBot|WhatsApp");

    private final OAuthStart start;
    private final OAuthCallback callback;
    private final boolean secureCookies;

    public OAuthRoutes(String publicUrl, OAuthStates states, Providers providers, OAuthClients clients, Accounts accounts,
                       TechnicalData technical, Outbox outbox, Clock clock) {
        this.start = new OAuthStart(states, providers, clients, clock);
        this.callback = new OAuthCallback(states, providers, clients, accounts, technical, outbox, clock);
        this.secureCookies = publicUrl.startsWith("https://");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/oauth/{platform}/start", this::start);
        routes.get("/oauth/{platform}/callback", this::callback);
    }

    private void start(Context ctx) {
        String platform = platform(ctx);
        if (linkPreview(ctx)) {
            ctx.html(Html.page("Connect your account", Html.p("Open this link in your browser to connect your " + platform + " account.")));
            return;
        }
        OAuthStart.Started started = start.begin(platform, ctx.queryParam("s"));
        ctx.header("Set-Cookie", bindingCookie(started.cookieName(), started.browser().reveal(), platform, OAuthStart.STATE_LIFETIME.toSeconds()));
        ctx.redirect(started.authorizeUrl().toString(), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        String platform = platform(ctx);
        String state = ctx.queryParam("state");
        String cookie = state == null ? null : OAuthStart.cookieName(state);
        String browser = cookie == null ? null : ctx.cookie(cookie);
        ResultPage page = callback.finish(new OAuthCallback.Arrival(platform, state, ctx.queryParam("code"), ctx.queryParam("error"),
                Secret.ofNullable(browser), ctx.ip(), ctx.userAgent()));
        if (cookie != null && browser != null) {
            ctx.header("Set-Cookie", bindingCookie(cookie, "", platform, 0)); // used up: the browser may forget it
        }
        StringBuilder body = new StringBuilder();
        page.paragraphs().forEach(p -> body.append(Html.p(p)));
        ctx.status(page.status()).html(Html.page(page.title(), body.toString()));
    }

    /**
     * The cookie that ties a flow to the browser that started it, sent back to the callback only. Lax: the platform
     * sends the browser back with a top-level GET, which carries a Lax cookie.
     */
    private String bindingCookie(String name, String value, String platform, long maxAgeSeconds) {
        return name + "=" + value + "; Path=/oauth/" + platform + "/callback; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : "");
    }

    /**
     * Chat apps fetch links to show a preview (Slack's and Discord's crawlers); that fetch must not use up the
     * one-time link before the person clicks it.
     */
    private static boolean linkPreview(Context ctx) {
        String agent = ctx.userAgent() == null ? "" : ctx.userAgent();
        return ctx.method() == HandlerType.HEAD || PREVIEW_BOTS.matcher(agent).find();
    }

    /** The platform in the path, which also goes into the cookie's Path: only a plain id, never anything to escape. */
    private static String platform(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        String platform = ctx.pathParam("platform");
        if (!platform.matches("[a-z]{1,20}")) {
            throw new NotFoundResponse();
        }
        return platform;
    }
}

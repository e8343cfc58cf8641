package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.store.TechnicalData;
import com.ailsocialautomation.web.Html;
import com.ailsocialautomation.web.SecurityHeaders;
import com.ailsocialautomation.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The browser's side of connecting an account. {@code GET /oauth/<platform>/start} shows the link's confirmation page
 * and changes nothing; the page's {@code POST} to the same address uses the link and redirects to the platform's
 * authorize page (the only redirect); {@code /callback} finishes. None of them may be cached.
 */
public final class OAuthRoutes implements WebRoutes {
    private static final Pattern PREVIEW_BOTS = Pattern.compile("Slackbot|Discordbot|facebookexternalhit|Twitterbot|TelegramBot|WhatsApp");

    private final OAuthStart start;
    private final OAuthCallback callback;
    private final OAuthChoice choice;
    private final Confirmation confirmation;

    public OAuthRoutes(String publicUrl, OAuthStates states, Providers providers, OAuthClients clients, Accounts accounts,
                       TechnicalData technical, Outbox outbox, Clock clock) {
        this.start = new OAuthStart(states, providers, clients, clock);
        TokenExchange exchange = new TokenExchange(providers, clients, accounts);
        this.callback = new OAuthCallback(states, exchange, technical, outbox, clock);
        this.choice = new OAuthChoice(states, exchange, outbox, clock);
        this.confirmation = new Confirmation(publicUrl.startsWith("https://"));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/oauth/{platform}/start", this::confirm);
        routes.post("/oauth/{platform}/start", this::start);
        routes.get("/oauth/{platform}/callback", this::callback);
        routes.post("/oauth/{platform}/callback", this::choose); // the accounts chosen on the callback's page
    }

    private void confirm(Context ctx) {
        String platform = platform(ctx);
        if (linkPreview(ctx)) {
            ctx.html(Html.page("Connect your account", Html.p("Open this link in your browser to connect your " + platform + " account.")));
            return;
        }
        String token = ctx.queryParam("s");
        OAuthStates.Pending pending = start.find(platform, token);
        Secret browser = confirmation.browser(ctx, startPath(platform));
        SecurityHeaders.formMayContinueTo(ctx, start.authorizeTarget(platform, pending));
        String what = Confirmation.article(platform) + " " + platform + " account";
        ctx.html(Html.page("Connect " + what + "?", Confirmation.explanation(pending, what)
                + Confirmation.form(startPath(platform), token, browser, "", "Continue to " + platform)));
    }

    private void start(Context ctx) {
        String platform = platform(ctx);
        String token = ctx.formParam("s");
        Secret browser = Confirmation.confirmed(ctx, token);
        OAuthStart.Started started = start.begin(platform, token, browser);
        ctx.header("Set-Cookie", confirmation.cookie(started.cookieName(), browser.reveal(), callbackPath(platform),
                OAuthStart.STATE_LIFETIME.toSeconds()));
        ctx.redirect(started.authorizeUrl().toString(), HttpStatus.SEE_OTHER);
    }

    private void callback(Context ctx) {
        String platform = platform(ctx);
        String state = ctx.queryParam("state");
        String cookie = state == null ? null : OAuthStart.cookieName(state);
        String browser = cookie == null ? null : ctx.cookie(cookie);
        ResultPage page = callback.finish(new OAuthCallback.Arrival(platform, state, ctx.queryParam("code"), ctx.queryParam("error"),
                Secret.ofNullable(browser), ctx.ip(), ctx.userAgent()));
        if (cookie != null && browser != null && !page.asks()) {
            ctx.header("Set-Cookie", confirmation.cookie(cookie, "", callbackPath(platform), 0)); // used up: the browser may forget it
        }
        show(ctx, page);
    }

    private void choose(Context ctx) {
        String platform = platform(ctx);
        String cookie = ctx.formParam("flow");
        String browser = cookie != null && cookie.matches("ail_oauth_[0-9a-f]{16}") ? ctx.cookie(cookie) : null;
        ResultPage page = choice.finish(new OAuthChoice.Arrival(platform, ctx.formParam("choice"), Secret.ofNullable(browser),
                ctx.formParamMap().keySet().stream().filter(k -> k.startsWith("choose-")).map(k -> k.substring(7)).toList()));
        if (browser != null) {
            ctx.header("Set-Cookie", confirmation.cookie(cookie, "", callbackPath(platform), 0));
        }
        show(ctx, page);
    }

    private static void show(Context ctx, ResultPage page) {
        StringBuilder body = new StringBuilder();
        page.paragraphs().forEach(p -> body.append(Html.p(p)));
        ctx.status(page.status()).html(Html.page(page.title(), body + (page.asks() ? page.formHtml() : "")));
    }

    private static String startPath(String platform) {
        return "/oauth/" + platform + "/start";
    }

    /** Where the flow's own cookie goes: the platform sends the browser back with a top-level GET, which carries a Lax cookie. */
    private static String callbackPath(String platform) {
        return "/oauth/" + platform + "/callback";
    }

    /** Chat apps fetch links to show a preview (Slack's and Discord's crawlers); they get a page that names no one. */
    static boolean linkPreview(Context ctx) {
        String agent = ctx.userAgent() == null ? "" : ctx.userAgent();
        return ctx.method() == HandlerType.HEAD || PREVIEW_BOTS.matcher(agent).find();
    }

    /** The platform in the path, which also goes into cookies' Path: only a plain id, never anything to escape. */
    static String platform(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String platform = ctx.pathParam("platform");
        if (!platform.matches("[a-z]{1,20}")) {
            throw new NotFoundResponse();
        }
        return platform;
    }
}

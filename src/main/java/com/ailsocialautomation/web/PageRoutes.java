package com.ailsocialautomation.web;

import io.javalin.config.RoutesConfig;

/** The landing page and the privacy policy. */
public final class PageRoutes implements WebRoutes {
    private final PrivacyPolicy policy;
    private final String slackInstallUrl;
    private final String discordInviteUrl;

    /** The install links are null when that chat platform is off. */
    public PageRoutes(PrivacyPolicy policy, String slackInstallUrl, String discordInviteUrl) {
        this.policy = policy;
        this.slackInstallUrl = slackInstallUrl;
        this.discordInviteUrl = discordInviteUrl;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.html(landing()));
        routes.get("/privacy", ctx -> ctx.html(Html.page("Privacy Policy", "<pre>" + Html.escape(policy.text()) + "</pre>")));
    }

    private String landing() {
        StringBuilder body = new StringBuilder()
                .append(Html.p("AIL lets your team publish and schedule social-media posts from Slack and Discord "
                        + "with the /ail command: connect Mastodon, Bluesky, X, LinkedIn or a webhook, then post now or later. "
                        + "Tokens are encrypted at rest, every attempt is logged, and you are told when a post fails."))
                .append("<ul>");
        body.append(slackInstallUrl == null ? "<li>Slack is not configured on this server.</li>"
                : "<li><a href=\"" + Html.escape(slackInstallUrl) + "\">Add to Slack</a></li>");
        body.append(discordInviteUrl == null ? "<li>Discord is not configured on this server.</li>"
                : "<li><a href=\"" + Html.escape(discordInviteUrl) + "\">Invite to Discord</a></li>");
        body.append("<li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of service</a></li></ul>");
        return Html.page("AIL Social Automation", body.toString());
    }
}

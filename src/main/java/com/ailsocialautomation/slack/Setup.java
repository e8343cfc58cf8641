package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Config;
import com.slack.api.Slack;
import com.slack.api.bolt.AppConfig;

/**
 * Bolt's configuration for the two install modes. Every value is set here explicitly, so nothing is read from
 * Bolt's own environment defaults. Request verification is Bolt's off: {@link SlackSignature} checks every request
 * before Bolt sees it.
 */
final class Setup {
    static final String INSTALLED_PAGE = "/slack/installed";
    static final String INSTALL_FAILED_PAGE = "/slack/install-failed";

    private Setup() {}

    static AppConfig single(Slack slack, Config.Slack config) {
        return base(slack, config).singleTeamBotToken(config.botToken().reveal())
                .clientId(null).clientSecret(null).build();
    }

    static AppConfig distributed(Slack slack, Config.Slack config, String publicUrl) {
        return base(slack, config).singleTeamBotToken(null)
                .clientId(config.clientId()).clientSecret(config.clientSecret().reveal())
                .scope(String.join(",", SlackFrontEnd.BOT_SCOPES)).userScope(null)
                .redirectUri(publicUrl + SlackRoutes.OAUTH_REDIRECT)
                .oauthInstallPath(SlackRoutes.INSTALL).oauthRedirectUriPath(SlackRoutes.OAUTH_REDIRECT)
                .oAuthInstallPageRenderingEnabled(false)
                .stateValidationEnabled(true)
                .oauthCompletionUrl(publicUrl + INSTALLED_PAGE)
                .oauthCancellationUrl(publicUrl + INSTALL_FAILED_PAGE)
                .build();
    }

    private static AppConfig.AppConfigBuilder base(Slack slack, Config.Slack config) {
        return AppConfig.builder().slack(slack).signingSecret(config.signingSecret().reveal())
                .requestVerificationEnabled(false)
                // Bolt checks a bot token with auth.test before a request's handler runs, inside the 3 s ack;
                // kept for a day instead of Bolt's 10 minutes, only the first request of a token pays for it
                // (a revoked token is noticed by the next API call and by Slack's tokens_revoked event)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(java.time.Duration.ofDays(1).toMillis())
                .sslCheckEnabled(true)
                .threadPoolSize(4);
    }
}

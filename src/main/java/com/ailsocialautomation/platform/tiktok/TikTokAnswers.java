package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the answers of TikTok's v2 API: {@code {"data":{...},"error":{"code":"ok","message":"","log_id":"..."}}}.
 * Any code but "ok" becomes a {@link PlatformError} of the right kind, in TikTok's own words plus what the person can
 * do about it; TikTok's log id is kept so the operator can quote it to TikTok.
 */
final class TikTokAnswers {
    /** TikTok counts its rate limits per minute (a sliding window); without a Retry-After, a minute is enough. */
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;

    TikTokAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The {@code data} of a successful answer to {@code doing} ("querying the creator", ...). */
    JsonNode data(ApiResponse response, String doing) {
        String code = response.firstText("/error/code");
        if (response.ok() && "ok".equals(code)) {
            return response.json("TikTok").path("data");
        }
        if (response.ok() && code == null) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "TikTok sent an answer AIL could not read while "
                    + doing + " (HTTP " + response.status() + ")", null);
        }
        throw refusal(response, code, doing);
    }

    PlatformError refusal(ApiResponse response, String code, String doing) {
        int status = response.status();
        String said = said(response);
        if (code == null) {
            code = "";
        }
        return switch (code) {
            case "access_token_invalid" -> new PlatformError(Kind.AUTH_EXPIRED, status,
                    "TikTok no longer accepts the access token (access_token_invalid)", null);
            case "scope_not_authorized" -> new PlatformError(Kind.AUTH_EXPIRED, status, "TikTok says the account did not "
                    + "allow AIL to post videos (scope_not_authorized): reconnect it and allow \"Post content to TikTok\"", null);
            case "rate_limit_exceeded" -> new PlatformError(Kind.RATE_LIMITED, status, "TikTok's rate limit was reached "
                    + "while " + doing + " (rate_limit_exceeded)", retryAt(response));
            case "spam_risk_too_many_posts" -> new PlatformError(Kind.PERMANENT, status, "TikTok says this account has "
                    + "posted as much as TikTok allows for today (spam_risk_too_many_posts); post it again tomorrow", null);
            case "spam_risk_user_banned_from_posting" -> new PlatformError(Kind.PERMANENT, status, "TikTok does not let "
                    + "this account post at the moment (spam_risk_user_banned_from_posting)", null);
            case "reached_active_user_cap" -> new PlatformError(Kind.PERMANENT, status, "this server's TikTok app has "
                    + "reached the number of people TikTok lets it post for each day (reached_active_user_cap); try again "
                    + "tomorrow, or ask the operator to have the app audited by TikTok", null);
            case "unaudited_client_can_only_post_to_private_accounts" -> new PlatformError(Kind.PERMANENT, status,
                    UNAUDITED, null);
            case "privacy_level_option_mismatch" -> new PlatformError(Kind.PERMANENT, status, "TikTok does not allow "
                    + "this privacy level for the account now (privacy_level_option_mismatch); edit the post's privacy: "
                    + "and retry", null);
            case "internal_error" -> new PlatformError(Kind.TRANSIENT, status, "TikTok had a problem while " + doing
                    + " (internal_error)", null);
            default -> status >= 500 || status == 408
                    ? new PlatformError(Kind.TRANSIENT, status, "TikTok had a problem while " + doing + " (HTTP " + status
                            + ")" + (said == null ? "" : ": " + said), null)
                    : status == 429 ? new PlatformError(Kind.RATE_LIMITED, status, "TikTok's rate limit was reached while "
                            + doing, retryAt(response))
                    : status == 401 ? new PlatformError(Kind.AUTH_EXPIRED, status, "TikTok no longer accepts the access token"
                            + (said == null ? "" : " (" + said + ")"), null)
                    : new PlatformError(Kind.PERMANENT, status, (said == null ? "TikTok refused " + doing + " (HTTP " + status + ")"
                            : said) + (code.isEmpty() ? "" : " (" + code + ")"), null);
        };
    }

    /**
     * An app TikTok has not audited may post only as SELF_ONLY, to accounts set to private: people must know that
     * this is the app's state at TikTok, not a fault of their post.
     */
    static final String UNAUDITED = "TikTok has not audited this server's TikTok app yet, and until it does TikTok takes "
            + "posts only from private accounts, visible to the creator alone (unaudited_client_can_only_post_to_private_accounts). "
            + "Make the TikTok account private and post with privacy:private, or ask the operator to apply for TikTok's audit";

    /** TikTok's message, shortened, with its log id for the operator. */
    static String said(ApiResponse response) {
        String message = ApiResponse.shorten(response.firstText("/error/message", "/error_description"));
        String logId = response.firstText("/error/log_id", "/log_id");
        if (message == null) {
            return null;
        }
        return logId == null ? message : message + " [TikTok log id " + ApiResponse.shorten(logId) + "]";
    }

    private Instant retryAt(ApiResponse response) {
        Instant now = clock.instant();
        Instant told = RetryAfter.at(response.header("Retry-After"), now);
        return told != null ? told : now.plus(WINDOW);
    }

    /** A field TikTok must send; its absence is a PERMANENT error rather than a NullPointerException later. */
    static String required(JsonNode node, String field, String doing) {
        JsonNode value = node.path(field);
        if (!value.isTextual() && !value.isNumber() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "TikTok's answer while " + doing + " had no " + field, null);
        }
        return value.asText();
    }
}

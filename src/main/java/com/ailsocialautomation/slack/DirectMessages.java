package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.DeliveryError;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Direct messages from the bot: {@code chat.postMessage} with the user id as channel (the app's Messages tab),
 * files through the v2 upload flow into the DM opened with {@code conversations.open}, and updates of an earlier
 * reply through its response_url. A 429 becomes a {@link DeliveryError} due after Slack's {@code Retry-After} (chat.postMessage allows
 * about one message per second per channel); errors that will never heal are permanent.
 */
final class DirectMessages {
    private static final Set<String> PERMANENT = Set.of("user_not_found", "account_inactive", "invalid_auth",
            "token_revoked", "not_authed", "channel_not_found", "user_disabled", "cannot_dm_bot", "is_archived");
    private static final long DEFAULT_RETRY_SECONDS = 30;

    private final Slack slack;
    private final BotTokens tokens;
    private final Clock clock;

    DirectMessages(Slack slack, BotTokens tokens, Clock clock) {
        this.slack = slack;
        this.tokens = tokens;
        this.clock = clock;
    }

    void send(String teamId, String userId, Reply message) {
        MethodsClient client = client(teamId);
        call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(userId).text(Blocks.fallback(message))
                .blocks(Blocks.message(message)).unfurlLinks(false)));
        if (message.file() != null) {
            sendFile(client, userId, message.file());
        }
    }

    void sendFile(String teamId, String userId, Reply.File file) {
        sendFile(client(teamId), userId, file);
    }

    private void sendFile(MethodsClient client, String userId, Reply.File file) {
        String channel = call("conversations.open", () -> client.conversationsOpen(r -> r.users(java.util.List.of(userId))))
                .getChannel().getId();
        call("files.uploadV2", () -> client.filesUploadV2(r -> r.channel(channel).filename(file.name()).title(file.name())
                .fileData(file.content())));
    }

    /** Answers through the command's response_url while Slack still accepts it; after that there is nothing to update. */
    void update(Origin origin, Reply message, ResponseUrl responses) {
        if (origin.responseUrlUsable(clock.instant())) {
            responses.post(origin.responseUrl(), message, false);
        }
    }

    private MethodsClient client(String teamId) {
        String token;
        try {
            token = tokens.forTeam(teamId);
        } catch (RuntimeException e) {
            // a refresh that failed now (Slack unreachable, a lock timeout) may work on the next attempt
            throw new DeliveryError("No usable bot token for Slack workspace " + teamId + ": " + e.getMessage(), null, false);
        }
        if (token == null) {
            throw new DeliveryError("AIL is not installed in Slack workspace " + teamId + " any more", null, true);
        }
        return slack.methods(token);
    }

    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new DeliveryError("Slack rate-limited " + method, retryAt(e.getResponse().header("Retry-After")), false);
            }
            throw new DeliveryError("Slack answered " + method + " with HTTP " + status, null, false);
        } catch (IOException e) {
            throw new DeliveryError("Slack could not be reached for " + method + ": " + e.getMessage(), null, false);
        }
        if (!response.isOk()) {
            String error = response.getError();
            if ("ratelimited".equals(error)) {
                throw new DeliveryError("Slack rate-limited " + method, retryAt(null), false);
            }
            throw new DeliveryError("Slack refused " + method + ": " + error, null, PERMANENT.contains(error));
        }
        return response;
    }

    private Instant retryAt(String retryAfter) {
        long seconds = DEFAULT_RETRY_SECONDS;
        if (retryAfter != null) {
            try {
                seconds = Math.max(1, Math.min(3600, Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException ignored) {
                // keep the default
            }
        }
        return clock.instant().plusSeconds(seconds);
    }
}

package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.DeliveryError;
import com.ailsocialautomation.notify.Notifier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Direct messages in Discord. A user who blocks DMs from server members (error 50007) gets the message in the
 * channel where the post was made, mentioning them, and the log says so. Calls are made without JDA's queue
 * ({@code complete(false)}): a 429 comes back as a {@link DeliveryError} with the time Discord's
 * {@code retry_after} names, and the notification sender tries again then, instead of one blocked thread
 * waiting out a long limit for every front end.
 */
public final class DiscordNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(DiscordNotifier.class);

    private final ShardManager shards;
    private final Messages messages;
    private final Clock clock;

    DiscordNotifier(ShardManager shards, Messages messages, Clock clock) {
        this.shards = shards;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public FrontEnd frontEnd() {
        return FrontEnd.DISCORD;
    }

    @Override
    public void direct(String workspaceId, String userId, Reply message) {
        direct(workspaceId, userId, message, null);
    }

    @Override
    public void direct(String workspaceId, String userId, Reply message, String origin) {
        JDA jda = shards.getShardCache().stream().findFirst()
                .orElseThrow(() -> new DeliveryError("Discord is not connected yet", null, false));
        try {
            send(jda.openPrivateChannelById(Long.parseUnsignedLong(userId))
                    .flatMap(channel -> channel.sendMessage(messages.create(message, workspaceId, userId))));
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
                toChannel(workspaceId, userId, message, origin);
                return;
            }
            throw refused(e);
        }
    }

    private void toChannel(String workspaceId, String userId, Reply message, String origin) {
        long channelId = DiscordCallers.channelOf(origin);
        GuildMessageChannel channel = channelId == 0 ? null : shards.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            throw new DeliveryError("A user of Discord server " + workspaceId + " blocks direct messages and the post "
                    + "has no channel of this instance to fall back to", null, true);
        }
        try {
            send(channel.sendMessage(messages.createMentioning(message, workspaceId, userId,
                    "(I could not send you a direct message: your privacy settings block them.)")));
        } catch (ErrorResponseException e) {
            throw refused(e);
        }
        log.info("A user of Discord server {} blocks direct messages; the notification went to channel {} instead",
                workspaceId, channel.getId());
    }

    private void send(RestAction<?> action) {
        try {
            action.complete(false);
        } catch (RateLimitedException e) {
            throw new DeliveryError("Discord asked to wait (429)", clock.instant().plusMillis(e.getRetryAfter()), false);
        }
    }

    private static DeliveryError refused(ErrorResponseException e) {
        boolean gone = e.getErrorResponse() == ErrorResponse.UNKNOWN_USER
                || e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER;
        return new DeliveryError("Discord refused the message: " + e.getErrorCode() + " " + e.getMeaning(), null, gone);
    }
}

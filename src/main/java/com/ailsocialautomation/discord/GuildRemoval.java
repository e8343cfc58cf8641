package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.WorkspaceRemoval;
import com.ailsocialautomation.message.FrontEnd;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildUnavailableEvent;
import net.dv8tion.jda.api.events.guild.UnavailableGuildLeaveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * The bot was removed from a guild (kicked, or the guild deleted): its data is erased. Discord sends the same
 * GUILD_DELETE, flagged unavailable, when a guild is only unreachable in an outage; JDA turns that into
 * {@link GuildUnavailableEvent}, which must never erase anything.
 */
public final class GuildRemoval extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(GuildRemoval.class);

    private final WorkspaceRemoval removal;
    private final Executor executor;

    GuildRemoval(WorkspaceRemoval removal, Executor executor) {
        this.removal = removal;
        this.executor = executor;
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        erase(event.getGuild().getId());
    }

    @Override
    public void onUnavailableGuildLeave(UnavailableGuildLeaveEvent event) {
        erase(event.getGuildId());
    }

    @Override
    public void onGuildUnavailable(GuildUnavailableEvent event) {
        log.info("Discord server {} is unavailable (an outage at Discord); its data is kept", event.getGuild().getId());
    }

    private void erase(String guildId) {
        executor.execute(() -> {
            try {
                removal.erase(FrontEnd.DISCORD, guildId);
                log.info("The bot was removed from Discord server {}; its data was erased", guildId);
            } catch (RuntimeException e) {
                log.error("Erasing the data of Discord server {} failed", guildId, e);
            }
        });
    }
}

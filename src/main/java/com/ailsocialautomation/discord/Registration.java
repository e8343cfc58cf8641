package com.ailsocialautomation.discord;

import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registers /ail and the message command "Post with AIL" once the first shard is ready: globally, or only in DISCORD_GUILD_ID (development: a guild's
 * commands change at once, global ones can take a while to reach every client). The call replaces the whole
 * definition, so a restart after a change of {@code Commands} brings Discord up to date; several instances doing
 * it is harmless.
 */
public final class Registration extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final String guildId;
    private final AtomicBoolean registered = new AtomicBoolean();

    Registration(String guildId) {
        this.guildId = guildId;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (guildId == null && registered.compareAndSet(false, true)) {
            register(event.getJDA().updateCommands(), "globally");
        }
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (event.getGuild().getId().equals(guildId) && registered.compareAndSet(false, true)) {
            register(event.getGuild().updateCommands(), "in Discord server " + guildId);
        }
    }

    private void register(CommandListUpdateAction update, String where) {
        update.addCommands(CommandDefinition.all()).queue(
                done -> log.info("Registered /ail and \"{}\" {}", MessageCommand.NAME, where),
                e -> {
                    registered.set(false);
                    log.error("Registering /ail {} failed: {}", where, e.getMessage());
                });
    }
}

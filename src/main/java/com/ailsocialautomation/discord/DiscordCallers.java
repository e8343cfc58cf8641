package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.Invocation;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who did something in Discord, as the command layer sees it. A guild is a workspace; a DM with the bot is the
 * user's own workspace {@code dm:<userId>}, where they are the admin. In a guild, Manage Server makes an admin.
 */
final class DiscordCallers {
    private static final String DM = "dm:";

    private DiscordCallers() {}

    /** The workspace the interaction happened in. */
    static String workspace(Interaction interaction) {
        Guild guild = interaction.getGuild();
        return guild != null ? guild.getId() : DM + interaction.getUser().getId();
    }

    /** The caller acting in {@code workspace}: where the interaction happened, or where a DM's button points. */
    static Invocation invocation(Interaction interaction, String workspace) {
        User user = interaction.getUser();
        Member member = interaction.getMember();
        Guild guild = interaction.getGuild();
        boolean here = guild != null && guild.getId().equals(workspace);
        boolean admin = here ? member != null && member.hasPermission(Permission.MANAGE_SERVER)
                : workspace.equals(DM + user.getId());
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        String origin = here && interaction.getChannelIdLong() != 0 ? origin(interaction.getChannelIdLong()) : null;
        boolean ownScope = workspace.equals(DM + user.getId());
        return new Invocation(FrontEnd.DISCORD, workspace, user.getId(), name, admin, null, origin, here || ownScope);
    }

    /** Where a post was made: the guild channel, so that a notification can fall back to it. */
    static String origin(long channelId) {
        return "channel:" + Long.toUnsignedString(channelId);
    }

    /** The channel id of an origin written by {@link #origin}, or 0. */
    static long channelOf(String origin) {
        if (origin == null || !origin.startsWith("channel:")) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(origin.substring("channel:".length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package com.ailsocialautomation.discord;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildUnavailableEvent;
import net.dv8tion.jda.api.events.guild.UnavailableGuildLeaveEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class GuildRemovalTest {
    private final List<String> erased = new ArrayList<>();
    private final GuildRemoval listener = new GuildRemoval((frontEnd, id) -> erased.add(frontEnd + ":" + id), Runnable::run);

    @Test
    void removingTheBotFromAGuildErasesThatWorkspace() {
        GuildLeaveEvent left = mock(GuildLeaveEvent.class);
        Guild guild = mock(Guild.class);
        when(guild.getId()).thenReturn(Events.GUILD);
        when(left.getGuild()).thenReturn(guild);

        listener.onGuildLeave(left);

        assertEquals(List.of("discord:" + Events.GUILD), erased);
    }

    @Test
    void removingTheBotFromAGuildThatWasUnavailableErasesItToo() {
        UnavailableGuildLeaveEvent left = mock(UnavailableGuildLeaveEvent.class);
        when(left.getGuildId()).thenReturn("900000000000000009");

        listener.onUnavailableGuildLeave(left);

        assertEquals(List.of("discord:900000000000000009"), erased);
    }

    @Test
    void aGuildThatIsUnavailableInAnOutageIsNeverErased() {
        GuildUnavailableEvent outage = mock(GuildUnavailableEvent.class);
        Guild guild = mock(Guild.class);
        when(guild.getId()).thenReturn(Events.GUILD);
        when(outage.getGuild()).thenReturn(guild);

        listener.onGuildUnavailable(outage);

        assertEquals(List.of(), erased);
    }

    @Test
    void aFailedErasureIsLoggedAndDoesNotBreakTheGateway() {
        GuildRemoval failing = new GuildRemoval((frontEnd, id) -> {
            throw new IllegalStateException("database down");
        }, Runnable::run);
        UnavailableGuildLeaveEvent left = mock(UnavailableGuildLeaveEvent.class);
        when(left.getGuildId()).thenReturn(Events.GUILD);

        failing.onUnavailableGuildLeave(left);
    }
}

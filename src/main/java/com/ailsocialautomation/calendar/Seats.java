package com.ailsocialautomation.calendar;

import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.Members;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Workspace;
import com.ailsocialautomation.store.Workspaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which workspaces a signed-in person may see: those where AIL is installed and already knows them as a chat user
 * (they used /ail there). Their rights there are the chat's: Slack's users.info through the Slack front end, Discord's
 * server permissions from the sign-in. And back: the invocation a seat's requests carry into the command layer.
 */
final class Seats {
    private final Workspaces workspaces;
    private final Map<FrontEnd, Members> members;

    /** @param members per front end that can say more than the sign-in did (Slack's admin flag and zone) */
    Seats(Workspaces workspaces, Map<FrontEnd, Members> members) {
        this.workspaces = workspaces;
        this.members = Map.copyOf(members);
    }

    List<WebSessions.Seat> of(Identity identity) {
        List<WebSessions.Seat> seats = new ArrayList<>();
        Members chat = members.get(identity.frontEnd());
        for (Identity.Place place : identity.places()) {
            Optional<ChatUser> user = workspaces.known(identity.frontEnd(), place.workspaceExternalId(), identity.userId());
            if (user.isEmpty()) {
                continue;
            }
            if (chat == null) {
                seats.add(new WebSessions.Seat(user.get().workspaceId(), user.get().id(), place.admin(), null));
                continue;
            }
            chat.member(place.workspaceExternalId(), identity.userId(), identity.name()).ifPresent(invocation ->
                    seats.add(new WebSessions.Seat(user.get().workspaceId(), user.get().id(),
                            invocation.admin() || place.admin(), invocation.defaultZone())));
        }
        return seats;
    }

    /** What a seat's request carries into the command layer; empty when the workspace or person is gone. */
    Optional<Invocation> invocation(WebSessions.Seat seat) {
        Optional<Workspace> workspace = workspaces.describe(seat.workspaceId());
        Optional<ChatUser> user = workspaces.user(seat.workspaceId(), seat.userId());
        if (workspace.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Invocation(workspace.get().frontEnd(), workspace.get().externalId(), user.get().externalId(),
                user.get().displayName(), seat.admin(), seat.zone(), null));
    }

    /** How a seat is named on the page: the workspace's name, or its id on the chat platform. */
    String label(WebSessions.Seat seat) {
        return workspaces.describe(seat.workspaceId()).map(w -> (w.frontEnd() == FrontEnd.SLACK ? "Slack " : "Discord ")
                + (w.name() == null || w.name().isBlank() ? w.externalId() : w.name())).orElse("a removed workspace");
    }
}

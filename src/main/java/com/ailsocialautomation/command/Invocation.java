package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import java.time.ZoneId;

/**
 * Who asked, and where: every call of the command layer carries this. The ids are the chat platform's own
 * (Slack team and user ids, Discord guild and user ids, "console" and "local").
 *
 * @param frontEnd        slack, discord or console
 * @param workspaceId     the Slack team, the Discord guild (or the user's DM scope), or "console"
 * @param userId          the chat user
 * @param displayName     how the user is shown
 * @param admin           a workspace admin (Slack admin/owner, Discord Manage Server, the console user)
 * @param defaultZone     the front end's idea of the user's time zone (Slack's users.info); null: UTC
 * @param origin          where the command was made, so the reply there can be updated later; may be null
 * @param adminKnown      false when the front end could not tell whether they are an admin (a Discord button
 *                        pressed in a DM, away from its server): {@code admin} is then false and AIL goes by what it
 *                        saw last
 */
public record Invocation(FrontEnd frontEnd, String workspaceId, String userId, String displayName, boolean admin,
                         ZoneId defaultZone, String origin, boolean adminKnown) {

    /** An invocation whose front end said whether the person is an admin. */
    public Invocation(FrontEnd frontEnd, String workspaceId, String userId, String displayName, boolean admin,
                      ZoneId defaultZone, String origin) {
        this(frontEnd, workspaceId, userId, displayName, admin, defaultZone, origin, true);
    }
}

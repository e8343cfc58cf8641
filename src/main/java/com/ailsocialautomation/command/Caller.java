package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.ChatUser;

import java.time.ZoneId;
import java.util.UUID;

/** The person behind an invocation, resolved to our own ids, with the zone their times are shown in. */
public record Caller(Invocation invocation, UUID workspaceId, ChatUser user, ZoneId zone) {
    public boolean admin() {
        return invocation.admin();
    }

    /**
     * An admin as far as AIL can tell: what the front end says now, or, where it cannot say (a Discord button pressed
     * in a DM), what it said the last time. Decides who approves by default.
     */
    public boolean adminAsKnown() {
        return invocation.adminKnown() ? invocation.admin() : user.admin();
    }

    /**
     * Slack's Marketplace rules discourage secrets passing through Slack: there, a Bluesky app password is typed and a
     * webhook's signing secret is shown on AIL's own page instead of in a modal or a reply.
     */
    public boolean secretsOnAilsPage() {
        return invocation.frontEnd() == FrontEnd.SLACK;
    }

    /**
     * Whether a command given without its settings answers with a form to pick them (radio buttons, people): Slack
     * modals have those inputs; Discord's modals hold only text and the console prompts line by line, so there the
     * command shows the current settings instead.
     */
    public boolean picksInForms() {
        return invocation.frontEnd() == FrontEnd.SLACK;
    }

    /** Authors and workspace admins may change a post. */
    public boolean mayChange(UUID authorId) {
        return admin() || user.id().equals(authorId);
    }
}

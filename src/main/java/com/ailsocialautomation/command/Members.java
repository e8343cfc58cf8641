package com.ailsocialautomation.command;

import java.util.Optional;

/**
 * What a chat front end knows about one of its people, for a front end that acts in their name outside the chat
 * (the web calendar): the same invocation a command of theirs would carry, so the same rights apply.
 */
public interface Members {
    /**
     * The person's invocation in the workspace, with the admin rights and time zone the chat gives them now; empty when
     * AIL is not installed there. {@code name} is used when the chat does not say.
     */
    Optional<Invocation> member(String workspaceExternalId, String userId, String name);
}

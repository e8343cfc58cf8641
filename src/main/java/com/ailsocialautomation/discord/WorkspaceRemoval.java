package com.ailsocialautomation.discord;

/**
 * Erases a workspace's data when the bot is removed from it (privacy policy, section 7). The privacy layer
 * implements it; the Discord front end only says which workspace went.
 */
@FunctionalInterface
public interface WorkspaceRemoval {
    /** Erases everything stored for {@code externalId} of {@code frontEnd} ("discord", a guild id). */
    void erase(String frontEnd, String externalId);
}

package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;

/**
 * Erases everything AIL holds for a workspace when the app is uninstalled from it or the bot removed (privacy
 * policy clause 7). The privacy package does it; a front end only says which workspace went.
 */
@FunctionalInterface
public interface WorkspaceRemoval {
    /**
     * Erases the workspace's data: people, settings, posts (cancelling scheduled ones), logs and accounts (revoking
     * their tokens). Must be idempotent: Slack may announce the same uninstall with two events.
     *
     * @param externalId the Slack team id or the Discord guild id
     */
    void erase(FrontEnd frontEnd, String externalId);
}

package com.ailsocialautomation.slack;

/**
 * Erases everything AIL holds for a workspace when the app is uninstalled (privacy policy clause 7).
 * The privacy package implements it; Slack only says when.
 */
@FunctionalInterface
public interface WorkspaceRemoval {
    /**
     * Erases the workspace's data: people, settings, posts (cancelling scheduled ones), logs and accounts (revoking
     * their tokens). Must be idempotent: Slack may announce the same uninstall with two events.
     *
     * @param frontEnd   "slack"
     * @param externalId the Slack team id
     */
    void erase(String frontEnd, String externalId);
}

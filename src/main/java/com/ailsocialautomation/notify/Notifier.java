package com.ailsocialautomation.notify;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;

/**
 * Delivers messages to people in their chat platform. Slack, Discord and the console implement it.
 * Implementations throw {@link DeliveryError} when the platform refuses for now (rate limit, outage);
 * the sender retries later.
 */
public interface Notifier {

    /** The front end this notifier serves: slack, discord or console. */
    FrontEnd frontEnd();

    /** Sends a direct message to {@code userId} (the chat platform's id) in workspace {@code workspaceId}. */
    void direct(String workspaceId, String userId, Reply message);

    /**
     * Like {@link #direct(String, String, Reply)}, knowing where the post was made ({@code origin}, may be null),
     * so that a front end can deliver there when the user cannot be reached directly (Discord: DMs blocked).
     */
    default void direct(String workspaceId, String userId, Reply message, String origin) {
        direct(workspaceId, userId, message);
    }

    /** Updates the reply where a post was made ({@code origin} as the front end recorded it), where possible. */
    default void updateOrigin(String workspaceId, String origin, Reply message) {
    }
}

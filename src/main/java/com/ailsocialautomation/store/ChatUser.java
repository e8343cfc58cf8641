package com.ailsocialautomation.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A person in a workspace, with their settings. {@code zone} is null until they choose one; {@code admin}: a workspace
 * admin the last time the chat platform said.
 */
public record ChatUser(UUID id, UUID workspaceId, String externalId, String displayName, ZoneId zone, boolean notifySuccess,
                       Instant firstSeen, boolean admin) {}

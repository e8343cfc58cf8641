package com.ailsocialautomation.store;

import java.util.UUID;

/** A workspace: a Slack team, a Discord guild (or a DM with the bot) or the console. */
public record Workspace(UUID id, String frontEnd, String externalId, String name) {}

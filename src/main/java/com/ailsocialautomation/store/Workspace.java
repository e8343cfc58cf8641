package com.ailsocialautomation.store;

import com.ailsocialautomation.message.FrontEnd;

import java.util.UUID;

/** A workspace: a Slack team, a Discord guild (or a DM with the bot) or the console. */
public record Workspace(UUID id, FrontEnd frontEnd, String externalId, String name) {}

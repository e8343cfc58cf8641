package com.ailsocialautomation.slack;

/** The bot token to use for a workspace outside a request (DMs from the engine, App Home refreshes). */
interface BotTokens {
    /**
     * A usable bot token for {@code teamId}, refreshed first when it is about to expire; null when the app is not
     * installed there.
     */
    String forTeam(String teamId);
}

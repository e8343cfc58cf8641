package com.ailsocialautomation.platform;

/**
 * One account a connection can act for, which the person chooses to connect or not: a Facebook Page, an Instagram
 * professional account linked to a Page, a LinkedIn organization they administer. Each chosen one becomes its own
 * AIL account with its own short id.
 *
 * @param profile the account as the platform names it (its accountId is what the store keeps as the external id)
 * @param tokens  its own tokens (a Page token derived from the user token); null when the person's tokens act for it
 * @param kind    what people call it on that platform, for the choice page and replies: "Page", "organization"
 */
public record AccountChoice(Profile profile, TokenSet tokens, String kind) {}

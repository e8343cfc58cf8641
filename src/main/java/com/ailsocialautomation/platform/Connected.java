package com.ailsocialautomation.platform;

/** The result of a login flow that yields tokens and the profile at once (Bluesky's createSession). */
public record Connected(TokenSet tokens, Profile profile) {}

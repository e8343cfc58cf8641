package com.ailsocialautomation.platform;

/** What the authorize URL needs. {@code codeChallenge} is the PKCE S256 challenge. */
public record AuthorizeRequest(String state, String codeChallenge, String redirectUri, String instanceUrl, ClientApp app) {}

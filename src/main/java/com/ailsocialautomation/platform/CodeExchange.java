package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Secret;

/** An authorization code to exchange, with the PKCE verifier and the exact redirect URI used to get it. */
public record CodeExchange(Secret code, Secret codeVerifier, String redirectUri, String instanceUrl, ClientApp app) {}

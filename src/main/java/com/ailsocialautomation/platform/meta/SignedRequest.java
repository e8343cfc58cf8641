package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Meta's {@code signed_request}, as its deauthorize and data-deletion callbacks send it (Facebook Login "Data
 * Deletion Request Callback"): base64url of an HMAC-SHA256 signature, a dot, and base64url of a JSON payload whose
 * {@code algorithm} is HMAC-SHA256 and whose {@code user_id} is the app-scoped id of the person. The signature is over
 * the payload's base64url text, keyed with the app secret, and compared in constant time. Anything else is refused.
 */
public final class SignedRequest {
    private SignedRequest() {}

    /** The person's app-scoped user id when {@code signedRequest} is signed with {@code appSecret}; empty otherwise. */
    public static Optional<String> userId(String signedRequest, Secret appSecret) {
        if (signedRequest == null || signedRequest.length() > 8192 || appSecret == null) {
            return Optional.empty();
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1) {
            return Optional.empty();
        }
        String payload = signedRequest.substring(dot + 1);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(strip(signedRequest.substring(0, dot)));
            if (!MessageDigest.isEqual(signature, sign(payload, appSecret))) {
                return Optional.empty();
            }
            JsonNode body = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(strip(payload)));
            String userId = body.path("user_id").asText("");
            return "HMAC-SHA256".equalsIgnoreCase(body.path("algorithm").asText("")) && userId.matches("[0-9]{1,40}")
                    ? Optional.of(userId) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty(); // not base64url, or not JSON: not from Meta
        }
    }

    /** HMAC-SHA256 of the payload's base64url text with the app secret, as Meta signs. */
    public static byte[] sign(String payloadBase64, Secret appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payloadBase64.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Meta's PHP sample decodes with padding optional; so does this. */
    private static String strip(String base64) {
        return base64.endsWith("=") ? base64.replaceAll("=+$", "") : base64;
    }
}

package com.ailsocialautomation.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The policy text: the operator's file, else the default shipped in the jar, with the contact address filled in
 * (added at the end when the text does not name it).
 */
public final class PrivacyPolicy {
    static final String DEFAULT_CONTACT = "legal@ailsocialautomation.com";
    private final String text;

    private PrivacyPolicy(String text) {
        this.text = text;
    }

    public static PrivacyPolicy load(Path operatorFile, String contactEmail) {
        try {
            String raw;
            if (operatorFile != null) {
                raw = Files.readString(operatorFile, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = PrivacyPolicy.class.getResourceAsStream("/privacy-policy.txt")) {
                    raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String text = raw.replace(DEFAULT_CONTACT, contactEmail);
            // an operator's own policy may name no address at all; the page must still say whom to write to
            if (!text.contains(contactEmail)) {
                text = text.stripTrailing() + "\n\nFor privacy requests or questions, contact: " + contactEmail + "\n";
            }
            return new PrivacyPolicy(text);
        } catch (IOException e) {
            throw new UncheckedIOException("The privacy policy cannot be read", e);
        }
    }

    public String text() {
        return text;
    }
}

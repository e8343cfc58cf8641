package com.ailsocialautomation.web;

import com.ailsocialautomation.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text the operator may replace with a file of their own (the privacy policy, the terms): the operator's file,
 * else the default shipped in the jar, with the shipped contact address replaced by the configured one (and a
 * contact line added at the end when the text names no address at all, so the page always says whom to write to).
 */
final class OperatorText {
    private OperatorText() {}

    static String load(Path operatorFile, String defaultResource, String contactEmail, String contactLine) {
        try {
            String raw;
            if (operatorFile != null) {
                raw = Files.readString(operatorFile, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = OperatorText.class.getResourceAsStream(defaultResource)) {
                    raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String text = raw.replace(Config.SHIPPED_CONTACT_EMAIL, contactEmail);
            if (!text.contains(contactEmail)) {
                text = text.stripTrailing() + "\n\n" + contactLine + contactEmail + "\n";
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("The text at " + (operatorFile == null ? defaultResource : operatorFile) + " cannot be read", e);
        }
    }
}

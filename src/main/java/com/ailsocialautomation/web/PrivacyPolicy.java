package com.ailsocialautomation.web;

import java.nio.file.Path;

/** The privacy policy: AIL_PRIVACY_POLICY_FILE, else the default shipped in the jar, with the contact filled in. */
public final class PrivacyPolicy {
    private final String text;

    private PrivacyPolicy(String text) {
        this.text = text;
    }

    public static PrivacyPolicy load(Path operatorFile, String contactEmail) {
        return new PrivacyPolicy(OperatorText.load(operatorFile, "/privacy-policy.txt", contactEmail,
                "For privacy requests or questions, contact: "));
    }

    public String text() {
        return text;
    }
}

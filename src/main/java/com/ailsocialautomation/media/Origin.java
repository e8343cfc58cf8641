package com.ailsocialautomation.media;

import java.util.Arrays;

/** Where a copied item came from. Only a public link has an address worth telling a webhook receiver. */
public enum Origin {
    LINK("link"), CHAT_FILE("chat_file"), LOCAL_FILE("local_file");

    private final String text;

    Origin(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    static Origin of(String text) {
        return Arrays.stream(values()).filter(o -> o.text.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a media origin: " + text));
    }
}

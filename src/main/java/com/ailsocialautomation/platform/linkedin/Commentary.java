package com.ailsocialautomation.platform.linkedin;

/**
 * LinkedIn reads {@code commentary} as "little text" markup, where some characters start templates
 * (mentions, hashtags). Unescaped, they make LinkedIn drop or garble the rest of the post, so each is
 * backslash-escaped and people's text comes out as they typed it.
 */
final class Commentary {
    private static final String RESERVED = "\\|{}@[]()<>#*_~";

    private Commentary() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

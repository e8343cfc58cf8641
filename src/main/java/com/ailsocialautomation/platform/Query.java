package com.ailsocialautomation.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * A URL query from name/value pairs; pairs with a null value are left out. Spaces become %20, not '+', because
 * X's authorize page wants %20 in scope (Mastodon takes either).
 */
public final class Query {
    private Query() {}

    public static String of(String... pairs) {
        StringJoiner joiner = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                joiner.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
            }
        }
        return joiner.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

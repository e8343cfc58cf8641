package com.ailsocialautomation.platform.x;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A URL query from name/value pairs. Spaces become %20, not '+', because X's authorize page wants %20 in scope. */
final class Query {
    private Query() {}

    static String of(String... pairs) {
        StringJoiner joiner = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                joiner.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
            }
        }
        return joiner.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

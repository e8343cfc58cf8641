package com.ailsocialautomation.net;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A server's answer to {@link GuardedHttp#postJson} or {@link GuardedHttp#exchange}.
 *
 * @param headers names in lower case
 * @param body at most {@link HttpLimits#maxAnswerBytes()} bytes
 */
public record Response(int status, Map<String, List<String>> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

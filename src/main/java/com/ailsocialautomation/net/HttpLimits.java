package com.ailsocialautomation.net;

import java.time.Duration;

/**
 * How long and how much {@link GuardedHttp} will wait for and read from a server.
 *
 * @param connectTimeout to open the TCP connection (and finish TLS) to one address
 * @param totalTimeout for a whole fetch, every redirect and the last byte included
 * @param maxAnswerBytes the largest answer body {@link GuardedHttp#postJson} reads
 */
public record HttpLimits(Duration connectTimeout, Duration totalTimeout, long maxAnswerBytes) {

    public HttpLimits {
        if (connectTimeout == null || connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connectTimeout must be at least 1 ms");
        }
        if (totalTimeout == null || totalTimeout.compareTo(connectTimeout) < 0) {
            throw new IllegalArgumentException("totalTimeout must be at least connectTimeout");
        }
        if (maxAnswerBytes < 0) {
            throw new IllegalArgumentException("maxAnswerBytes cannot be negative");
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20);
    }
}

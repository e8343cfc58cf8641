package com.ailsocialautomation.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of an HTTP Range header (RFC 9110 section 14) that AIL serves media with. A header that is
 * absent, not about bytes, malformed or asks for several ranges is ignored: the whole item is sent with 200, which
 * the RFC allows. A range that starts at or past the end cannot be satisfied (416).
 *
 * @param first the first byte sent
 * @param last  the last byte sent, inclusive
 */
record ByteRange(long first, long last) {
    private static final Pattern ONE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What a request's Range header asks of an item of {@code size} bytes. */
    sealed interface Asked permits Whole, Part, Unsatisfiable {}

    record Whole() implements Asked {}

    record Part(ByteRange range) implements Asked {}

    record Unsatisfiable() implements Asked {}

    long length() {
        return last - first + 1;
    }

    /** "bytes 0-99/1234" for Content-Range. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    static Asked parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = ONE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) { // a suffix: the last n bytes
            long n = Long.parseLong(m.group(2));
            return n == 0 || size == 0 ? new Unsatisfiable() : new Part(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return new Whole(); // invalid syntax: ignored
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        return new Part(new ByteRange(first, Math.min(last, size - 1)));
    }
}

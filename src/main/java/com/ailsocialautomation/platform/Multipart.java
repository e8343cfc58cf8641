package com.ailsocialautomation.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/form-data body (X's chunk append, Mastodon's media upload). Part names, file names and types are
 * ours, never user input, so nothing needs quoting. A file part may be streamed ({@link #file(String, String,
 * String, StreamedBody)}): the body is then only ever read through {@link #streamed()}, never held whole.
 */
public final class Multipart {
    private final String boundary = "ail-" + UUID.randomUUID();
    /** byte[] for text we wrote, StreamedBody for a file read as it is sent. */
    private final List<Object> pieces = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** A file part of unnamed bytes (X wants no type on a chunk). */
    public Multipart file(String name, byte[] bytes, int offset, int length) {
        return file(name, "blob", "application/octet-stream", bytes, offset, length);
    }

    /** A file part with its name and media type (Mastodon needs the type to accept the file). */
    public Multipart file(String name, String fileName, String mediaType, byte[] bytes, int offset, int length) {
        header(name, fileName, mediaType);
        pending.write(bytes, offset, length);
        write("\r\n");
        return this;
    }

    /** A file part read from {@code body} while the request is sent. */
    public Multipart file(String name, String fileName, String mediaType, StreamedBody body) {
        header(name, fileName, mediaType);
        flush();
        pieces.add(body);
        write("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body in memory; only for bodies without a streamed part. */
    public byte[] bytes() {
        if (pieces.stream().anyMatch(p -> p instanceof StreamedBody)) {
            throw new IllegalStateException("a multipart body with a streamed part is read through streamed()");
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        pieces.forEach(p -> copy.writeBytes((byte[]) p));
        copy.writeBytes(pending.toByteArray());
        copy.writeBytes(closing());
        return copy.toByteArray();
    }

    /** The body as a stream of known length: our text from memory, each file part from its own stream. */
    public StreamedBody streamed() {
        List<Object> all = new ArrayList<>(pieces);
        all.add(pending.toByteArray());
        all.add(closing());
        long length = all.stream().mapToLong(p -> p instanceof byte[] b ? b.length : ((StreamedBody) p).length()).sum();
        return new StreamedBody(length, () -> {
            List<InputStream> streams = new ArrayList<>();
            try {
                for (Object piece : all) {
                    streams.add(piece instanceof byte[] b ? new ByteArrayInputStream(b) : ((StreamedBody) piece).open());
                }
            } catch (IOException e) {
                for (InputStream opened : streams) {
                    opened.close();
                }
                throw e;
            }
            return new SequenceInputStream(Collections.enumeration(streams));
        });
    }

    private void header(String name, String fileName, String mediaType) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n");
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void flush() {
        if (pending.size() > 0) {
            pieces.add(pending.toByteArray());
            pending.reset();
        }
    }

    private void write(String text) {
        pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

package com.ailsocialautomation.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body (X's chunk append, Mastodon's media upload). Part names, file names and types are
 * ours, never user input, so nothing needs quoting.
 */
public final class Multipart {
    private final String boundary = "ail-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

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
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n");
        out.write(bytes, offset, length);
        write("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

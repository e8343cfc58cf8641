package com.ailsocialautomation.calendar;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The calendar's own script and stylesheet, read once from the jar and served from AIL's origin. */
final class Assets {
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    void serve(Context ctx, String name, String contentType) {
        byte[] bytes = loaded.computeIfAbsent(name, Assets::read);
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(contentType).result(bytes);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/calendar/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /calendar/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

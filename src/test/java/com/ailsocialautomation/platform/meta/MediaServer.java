package com.ailsocialautomation.platform.meta;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** Files on loopback that a post names with media:, as people link them; AIL copies each when it accepts the post. */
final class MediaServer implements AutoCloseable {
    private final HttpServer server;

    /** {@code files}: path → (content type, bytes). */
    MediaServer(Map<String, Map.Entry<String, byte[]>> files) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((path, file) -> server.createContext(path, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", file.getKey());
                exchange.sendResponseHeaders(200, file.getValue().length);
                exchange.getResponseBody().write(file.getValue());
            }
        }));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

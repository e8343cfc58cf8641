package com.ailsocialautomation.net;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HTTP server on 127.0.0.1 that records every request it gets. */
class LocalServer implements AutoCloseable {
    record Seen(String method, String path, Headers headers, byte[] body) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    LocalServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    LocalServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.start();
    }

    LocalServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** The URL of a path on this server under a made-up host name that the test's resolver maps to 127.0.0.1. */
    String url(String scheme, String host, String path) {
        return scheme + "://" + host + ":" + port() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    static void answer(HttpExchange exchange, int status, byte[] body, String... headerPairs) throws IOException {
        for (int i = 0; i < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static HttpHandler redirectTo(String location) {
        return exchange -> answer(exchange, 302, new byte[0], "Location", location);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

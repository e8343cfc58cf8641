package com.ailsocialautomation.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A socket server on 127.0.0.1 for answers a well-behaved HTTP server will not give: silence, trickles, lies. */
final class RawServer implements AutoCloseable {
    interface Behaviour {
        void serve(Socket socket) throws Exception;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    RawServer(Behaviour behaviour) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!socket.isClosed()) {
                Socket client = socket.accept();
                threads.submit(() -> {
                    try (client) {
                        client.getInputStream().read(new byte[8192]); // the request head, unread further
                        behaviour.serve(client);
                    } catch (Exception ignored) {
                        // the client hung up, which is what these tests want
                    }
                    return null;
                });
            }
            return null;
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}

package com.ailsocialautomation.bench;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.fakes.FakeX;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The outside world of {@link MediaBench}, in its own process: two webhook receivers, the strict X fake and a file
 * server that streams an MP4 of any size (a 1280×720, 60 s header, then zeros) without holding it.
 */
final class BenchFakes {
    private BenchFakes() {}

    static void serve() throws IOException {
        FakeWebhookReceiver[] hooks = {new FakeWebhookReceiver(), new FakeWebhookReceiver()};
        FakeX x = FakeX.start();
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.setExecutor(Executors.newCachedThreadPool());
        files.createContext("/video/", exchange -> {
            long size = Long.parseLong(exchange.getRequestURI().getPath().substring("/video/".length()));
            try (exchange) {
                exchange.sendResponseHeaders(200, size);
                writeMp4(exchange.getResponseBody(), size);
            }
        });
        files.start();
        System.out.println(hooks[0].url() + " " + hooks[1].url() + " " + x.url() + " " + x.issue().accessToken()
                + " http://127.0.0.1:" + files.getAddress().getPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] parts = line.split(" ");
            if (parts[0].equals("secret")) {
                hooks[Integer.parseInt(parts[1])].expectSecret(parts[2]);
            }
        }
        System.exit(0);
    }

    /** ftyp, a moov of a 60 s 1280×720 H.264 track (its sample table empty), then an mdat of zeros up to {@code size}. */
    static void writeMp4(OutputStream out, long size) throws IOException {
        int units = 60_000;
        int scale = 1000;
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        byte[] mvhd = box("mvhd", ints(0, 0, 0, scale, units, 0x10000), shorts(0x100), new byte[10], ints(matrix),
                new byte[24], ints(2));
        byte[] tkhd = box("tkhd", ints(3, 0, 0, 1, 0, units), new byte[8], shorts(0, 0, 0, 0), ints(matrix),
                ints(1280 << 16, 720 << 16));
        byte[] mdhd = box("mdhd", ints(0, 0, 0, scale, units), shorts(0x55c4, 0));
        byte[] hdlr = box("hdlr", ints(0, 0), ascii("vide"), new byte[12], ascii("VideoHandler\0"));
        byte[] entry = box("avc1", new byte[6], shorts(1), shorts(0, 0), ascii("appl"), ints(0, 0),
                shorts(1280, 720), ints(0x480000, 0x480000, 0), shorts(1), new byte[32], shorts(24, -1));
        byte[] stbl = box("stbl", box("stsd", ints(0, 1), entry), box("stts", ints(0, 1, 1, units)));
        byte[] minf = box("minf", box("vmhd", ints(0), shorts(0, 0, 0, 0)), stbl);
        byte[] moov = box("moov", mvhd, box("trak", tkhd, box("mdia", mdhd, hdlr, minf)));
        byte[] ftyp = box("ftyp", ascii("isom"), ints(0x200), ascii("isom"), ascii("mp41"));
        long mdat = size - ftyp.length - moov.length;
        out.write(ftyp);
        out.write(moov);
        out.write(ints((int) mdat));
        out.write(ascii("mdat"));
        byte[] zeros = new byte[64 * 1024];
        for (long left = mdat - 8; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    private static byte[] box(String type, byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        ByteArrayOutputStream box = new ByteArrayOutputStream();
        box.writeBytes(ints(8 + all.size()));
        box.writeBytes(ascii(type));
        box.writeBytes(all.toByteArray());
        return box.toByteArray();
    }

    private static byte[] ints(int... values) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    private static byte[] shorts(int... values) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 2);
        for (int v : values) {
            buffer.putShort((short) v);
        }
        return buffer.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

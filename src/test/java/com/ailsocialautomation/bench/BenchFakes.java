package com.ailsocialautomation.bench;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.fakes.FakeX;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
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

    /** ftyp, a moov with mvhd (60 s) and tkhd (1280×720), then an mdat of zeros up to {@code size} bytes. */
    static void writeMp4(OutputStream out, long size) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(head);
        d.writeInt(24);
        d.writeBytes("ftypisom");
        d.writeInt(0x200);
        d.writeBytes("isommp41");
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        d.writeInt(8 + 108 + 8 + 92);
        d.writeBytes("moov");
        d.writeInt(108);
        d.writeBytes("mvhd");
        d.writeInt(0);
        d.writeInt(0);
        d.writeInt(0);
        d.writeInt(1000); // timescale
        d.writeInt(60_000); // duration: 60 s
        d.writeInt(0x00010000);
        d.writeShort(0x0100);
        d.write(new byte[10]);
        for (int m : matrix) {
            d.writeInt(m);
        }
        d.write(new byte[24]);
        d.writeInt(2);
        d.writeInt(8 + 92);
        d.writeBytes("trak");
        d.writeInt(92);
        d.writeBytes("tkhd");
        d.writeInt(3);
        d.writeInt(0);
        d.writeInt(0);
        d.writeInt(1);
        d.writeInt(0);
        d.writeInt(60_000);
        d.write(new byte[8]);
        d.writeShort(0);
        d.writeShort(0);
        d.writeShort(0);
        d.writeShort(0);
        for (int m : matrix) {
            d.writeInt(m);
        }
        d.writeInt(1280 << 16);
        d.writeInt(720 << 16);
        long mdat = size - head.size();
        d.writeInt(mdat > Integer.MAX_VALUE ? 1 : (int) mdat);
        d.writeBytes("mdat");
        out.write(head.toByteArray());
        byte[] zeros = new byte[64 * 1024];
        for (long left = size - head.size(); left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }
}

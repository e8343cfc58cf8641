package com.ailsocialautomation.doctor;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * AIL_PUBLIC_URL from the outside: the host resolves, TLS is valid (the JVM's trust store, as Slack's and the OAuth
 * providers' own checks), and {@code /healthz} answers as AIL. Nothing answering is a warning, not a failure: doctor
 * usually runs before the service does.
 */
final class PublicUrlCheck {
    private static final String NAME = "public URL";

    private PublicUrlCheck() {}

    static Check check(HttpClient http, String publicUrl) {
        URI health = URI.create(publicUrl + "/healthz");
        try {
            InetAddress.getAllByName(health.getHost());
        } catch (UnknownHostException e) {
            return Check.fail(NAME, "the host of AIL_PUBLIC_URL (" + health.getHost() + ") does not resolve: check the name and its DNS record");
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Doctor.TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String tls = answer.sslSession().map(PublicUrlCheck::certificate).orElse("");
            if (answer.statusCode() == 200 && answer.body().strip().equals("ok")) {
                return Check.ok(NAME, publicUrl + " reaches AIL" + tls);
            }
            return Check.warn(NAME, publicUrl + " answers HTTP " + answer.statusCode() + " at /healthz, not as AIL" + tls
                    + ": start AIL, or point the proxy or tunnel at AIL_PORT");
        } catch (SSLException e) {
            return Check.fail(NAME, publicUrl + " has no valid TLS certificate (" + e.getMessage() + "): Slack, Discord and the "
                    + "OAuth platforms refuse it; use a certificate for this host (a tunnel or a proxy with Let's Encrypt gives one)");
        } catch (ConnectException | HttpTimeoutException e) {
            return Check.warn(NAME, "nothing answers at " + publicUrl + " (" + (e instanceof HttpTimeoutException ? "timed out" : "connection refused")
                    + "): fine before AIL starts; Slack, Discord and OAuth callbacks need it reachable from the internet");
        } catch (IOException e) {
            return Check.warn(NAME, publicUrl + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.warn(NAME, "interrupted");
        }
    }

    private static String certificate(javax.net.ssl.SSLSession session) {
        try {
            X509Certificate cert = (X509Certificate) session.getPeerCertificates()[0];
            return " over TLS (certificate valid until " + LocalDate.ofInstant(cert.getNotAfter().toInstant(), ZoneOffset.UTC) + ")";
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return " over TLS";
        }
    }
}

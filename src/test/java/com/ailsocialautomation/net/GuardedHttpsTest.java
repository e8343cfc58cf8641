package com.ailsocialautomation.net;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.ailsocialautomation.net.LocalServer.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Pinning the address must not weaken TLS: the client still sends the real name as SNI and checks the
 * certificate against it, not against 127.0.0.1. The certificate is made by the JDK's keytool for media.test.
 */
class GuardedHttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final List<String> sniSeen = new CopyOnWriteArrayList<>();
    private static Path keystore;
    private static LocalServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keystore = dir.resolve("media.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "media", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=media.test", "-ext", "SAN=dns:media.test", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[]{new SniRecorder((X509ExtendedKeyManager) keys.getKeyManagers()[0])}, null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = new LocalServer(https).on("/cat.png", exchange -> answer(exchange, 200, Samples.PNG));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void httpsToAPinnedAddressSendsTheHostNameAsSniAndVerifiesTheCertificateForIt() {
        try (GuardedHttp http = client(new FakeDns().with("media.test", "127.0.0.1"))) {
            Download download = http.download(server.url("https", "media.test", "/cat.png"), 1024, MediaType.IMAGES);
            assertEquals(MediaType.PNG, download.type());
            assertEquals(List.of("media.test"), sniSeen);
            assertEquals("media.test:" + server.port(), server.seen.get(0).headers().getFirst("Host"));
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenThoughTheAddressIsRight() {
        try (GuardedHttp http = client(new FakeDns().with("other.test", "127.0.0.1").with("127.0.0.1", "127.0.0.1"))) {
            for (String host : List.of("other.test", "127.0.0.1")) {
                UnreachableUrl error = assertThrows(UnreachableUrl.class,
                        () -> http.download(server.url("https", host, "/cat.png"), 1024, MediaType.IMAGES));
                assertEquals("Could not reach " + host + ": its https certificate could not be verified for that name.",
                        error.getMessage());
            }
        }
    }

    private static GuardedHttp client(Resolver dns) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustStorePath(keystore.toString());
        tls.setTrustStorePassword("changeit");
        tls.setTrustStoreType("PKCS12");
        return new GuardedHttp(new UrlGuard(true, dns), HttpLimits.defaults(), tls);
    }

    /** Notes the server name the client asked for, then lets the JDK pick the key as usual. */
    private static final class SniRecorder extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        SniRecorder(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, java.security.Principal[] issuers, SSLEngine engine) {
            if (engine.getHandshakeSession() instanceof ExtendedSSLSession session) {
                session.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                        .map(name -> ((SNIHostName) name).getAsciiName()).distinct()
                        .filter(name -> !sniSeen.contains(name)).forEach(sniSeen::add);
            }
            return delegate.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public java.security.cert.X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}

package com.ailsocialautomation.media;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.MediaPipeline;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import com.ailsocialautomation.web.MediaRoutes;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIL's public media links over real HTTP, as a platform fetching a picture or a video meets them: the item with its
 * type and length, single byte ranges (206, 416), and the same 404 for a link that expired, was revoked, was never
 * issued, or whose item an erasure took. The token never reaches a log line.
 */
class PublicMediaTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final String PUBLIC_URL = "https://ail.example.com";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
    static Units units;
    static MediaGrants grants;
    static WebServer web;

    @TempDir
    Path tmp;

    @BeforeAll
    static void wire() {
        units = Units.over(pg).env("AIL_PUBLIC_URL", PUBLIC_URL).clock(clock).build();
        grants = units.platforms.mediaGrants;
        web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(new MediaRoutes(grants))).start();
    }

    @AfterAll
    static void unwire() {
        web.close();
        units.close();
    }

    private record Held(String workspace, StoredMedia item, byte[] bytes) {}

    /** A post in a fresh workspace holding one stored item of {@code type} with these bytes. */
    private Held stored(MediaType type, byte[] bytes) throws Exception {
        String external = "ws-" + UUID.randomUUID();
        UUID ws = units.store.workspaces.ensure(FrontEnd.CONSOLE, external, "Test");
        UUID user = units.store.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana").id();
        Path file = tmp.resolve(UUID.randomUUID().toString());
        Files.write(file, bytes);
        Copies copies = new Copies();
        copies.add(new Copy(file, "clip", new MediaFacts(type, bytes.length, 16, 16, null), null, Origin.CHAT_FILE, null));
        Post post = units.store.posts.create(ws, user, "with media", List.of(), 1, clock.instant().plus(Duration.ofDays(1)),
                null, List.of(), (tx, postId) -> units.store.media.save(tx, ws, postId, copies));
        return new Held(external, units.store.media.of(ws, post.id()).get(0), bytes);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** The link as the platform fetches it, sent to this test's server instead of AIL_PUBLIC_URL. */
    private static HttpResponse<byte[]> fetch(URI link, String method, String range) throws Exception {
        assertTrue(link.toString().startsWith(PUBLIC_URL + "/media/"), link.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + link.getRawPath()))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> fetch(URI link) throws Exception {
        return fetch(link, "GET", null);
    }

    @Test
    void aGrantedPictureIsServedWholeWithItsTypeAndLength() throws Exception {
        Held held = stored(MediaType.JPEG, random(5000));
        URI link = grants.grant(held.item(), Duration.ofMinutes(5));
        assertTrue(link.getPath().matches("/media/[A-Za-z0-9_-]{43}"), link.toString());
        HttpResponse<byte[]> got = fetch(link);
        assertEquals(200, got.statusCode());
        assertEquals("image/jpeg", got.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("5000", got.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("bytes", got.headers().firstValue("Accept-Ranges").orElseThrow());
        assertEquals("no-store", got.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", got.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertArrayEquals(held.bytes(), got.body());
        HttpResponse<byte[]> head = fetch(link, "HEAD", null);
        assertEquals(200, head.statusCode());
        assertEquals("5000", head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(0, head.body().length);
        assertTrue(units.store.sql.one("select count(*) from media_grants where token_hash = ?", rs -> rs.getLong(1),
                (Object) link.getPath().substring(7).getBytes()).orElseThrow() == 0, "the token itself is not stored");
    }

    @Test
    void aVideoIsServedInSingleRangesAcrossItsChunksAndARangePastItsEndIs416() throws Exception {
        int size = MediaStore.CHUNK * 2 + 1000; // three chunks
        Held held = stored(MediaType.MP4, random(size));
        URI link = grants.grant(held.item(), Duration.ofMinutes(5));

        HttpResponse<byte[]> across = fetch(link, "GET", "bytes=" + (MediaStore.CHUNK - 10) + "-" + (MediaStore.CHUNK + 9));
        assertEquals(206, across.statusCode());
        assertEquals("video/mp4", across.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("bytes " + (MediaStore.CHUNK - 10) + "-" + (MediaStore.CHUNK + 9) + "/" + size,
                across.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("20", across.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(held.bytes(), MediaStore.CHUNK - 10, MediaStore.CHUNK + 10), across.body());

        HttpResponse<byte[]> tail = fetch(link, "GET", "bytes=" + (2 * MediaStore.CHUNK + 500) + "-");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(held.bytes(), 2 * MediaStore.CHUNK + 500, size), tail.body());

        HttpResponse<byte[]> suffix = fetch(link, "GET", "bytes=-100");
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (size - 100) + "-" + (size - 1) + "/" + size, suffix.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(held.bytes(), size - 100, size), suffix.body());

        HttpResponse<byte[]> past = fetch(link, "GET", "bytes=" + size + "-");
        assertEquals(416, past.statusCode(), past.headers().map() + new String(past.body()));
        assertEquals("bytes */" + size, past.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<byte[]> several = fetch(link, "GET", "bytes=0-9,20-29"); // several ranges: the whole item instead
        assertEquals(200, several.statusCode());
        assertArrayEquals(held.bytes(), several.body());
    }

    @Test
    void anExpiredRevokedUnknownOrMalformedLinkIsTheSame404AsAnyUnknownAddress() throws Exception {
        Held held = stored(MediaType.PNG, random(300));
        URI expiring = grants.grant(held.item(), Duration.ofMinutes(2));
        URI revoked = grants.grant(held.item(), Duration.ofMinutes(10));
        URI capped = grants.grant(held.item(), Duration.ofHours(5)); // asks far more than a platform needs
        assertEquals(200, fetch(expiring).statusCode());
        grants.revoke(revoked);
        clock.advance(Duration.ofMinutes(2));
        try {
            byte[] unknownAddress = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/nothing/here")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            for (URI gone : List.of(expiring, revoked, URI.create(PUBLIC_URL + "/media/" + "A".repeat(43)),
                    URI.create(PUBLIC_URL + "/media/short"), URI.create(PUBLIC_URL + "/media/" + "A".repeat(42) + "!"))) {
                HttpResponse<byte[]> got = fetch(gone);
                assertEquals(404, got.statusCode(), gone.toString());
                assertArrayEquals(unknownAddress, got.body(), gone.toString());
                assertEquals(404, fetch(gone, "HEAD", null).statusCode());
            }
            assertEquals(200, fetch(capped).statusCode());
            clock.advance(PublicMedia.LONGEST.minus(Duration.ofMinutes(2)));
            assertEquals(404, fetch(capped).statusCode(), "no link lives longer than " + PublicMedia.LONGEST);
        } finally {
            clock.advance(Duration.ofHours(1)); // the other tests' links start afresh from a later time
        }
    }

    @Test
    void theTokenIsInNoLogLineWhateverTheAnswer() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        List<URI> links;
        try {
            Held held = stored(MediaType.MP4, random(MediaStore.CHUNK + 10));
            URI served = grants.grant(held.item(), Duration.ofMinutes(5));
            URI revoked = grants.grant(held.item(), Duration.ofMinutes(5));
            grants.revoke(revoked);
            links = List.of(served, revoked);
            fetch(served);
            fetch(served, "GET", "bytes=5-");
            fetch(served, "GET", "bytes=99999999-");
            fetch(revoked);
            units.store.sql.update("delete from media_chunks where item_id = ? and seq = 1", held.item().id());
            HttpResponse<byte[]> damaged = fetch(served, "GET", "bytes=" + MediaStore.CHUNK + "-"); // fails mid-answer
            assertTrue(damaged.statusCode() != 200 || damaged.body().length < 10, "a damaged copy is not served as whole");
        } catch (java.io.IOException expected) {
            links = List.of(); // the connection broke on the damaged copy; the tokens are checked below anyway
        } finally {
            root.detachAppender(logged);
        }
        String all = String.join("\n", logged.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList());
        for (URI link : links) {
            assertFalse(all.contains(link.getPath().substring(7)), all);
        }
    }

    @Test
    void removingTheWorkspaceEndsItsLinks() throws Exception {
        Held held = stored(MediaType.PNG, random(400));
        URI link = grants.grant(held.item(), Duration.ofMinutes(10));
        assertEquals(200, fetch(link).statusCode());
        units.commandLayer.workspaceEraser.erase(FrontEnd.CONSOLE, held.workspace());
        assertEquals(404, fetch(link).statusCode());
        assertEquals(0, units.store.sql.one("select count(*) from media_grants where item_id = ?", rs -> rs.getLong(1),
                held.item().id()).orElseThrow());
    }

    @Test
    void anItemAilHoldsNoCopyOfCannotBeGranted() {
        Media linked = Media.inMemory("old.png", "image/png", new byte[] {1, 2, 3}, null);
        PlatformError e = assertThrows(PlatformError.class, () -> grants.grant(linked, Duration.ofMinutes(5)));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("post it again"), e.getMessage());
    }

    @Test
    void aLinkMadeForATargetEndsWhenTheTargetFinishes() throws Exception {
        UUID ws = units.store.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        UUID user = units.store.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana").id();
        Account account = units.store.accounts.connect(ws, user, new NewAccount(PlatformId.WEBHOOK, "hook-" + UUID.randomUUID(),
                "hook", "hook", null, "https://hook.example.org/in", null, null), new StoredTokens(Secret.of("s3cret-signing"), null, null, null));
        Path file = tmp.resolve("item");
        Files.write(file, random(700));
        Copies copies = new Copies();
        copies.add(new Copy(file, "clip", new MediaFacts(MediaType.PNG, 700, 16, 16, null), null, Origin.CHAT_FILE, null));
        Post post = units.store.posts.create(ws, user, "to a target", List.of(), 1, clock.instant().plus(Duration.ofDays(1)),
                null, List.of(account), (tx, postId) -> units.store.media.save(tx, ws, postId, copies));
        Target target = units.store.targets.find(ws, post.targets().get(0).id()).orElseThrow();
        StoredMedia item = units.store.media.of(ws, post.id()).get(0);
        URI forTarget = grants.grant(item.sentTo(target.id()), Duration.ofMinutes(10));
        URI other = grants.grant(item, Duration.ofMinutes(10)); // another target's, or none named
        assertEquals(200, fetch(forTarget).statusCode());

        new MediaPipeline(units.store.mediaUploads, units.store.uploadAllowances, grants, clock, Duration.ofSeconds(5),
                Duration.ofMinutes(30)).forget(target); // what the publisher does when the target finishes

        assertEquals(404, fetch(forTarget).statusCode());
        assertEquals(200, fetch(other).statusCode());
    }
}

package com.ailsocialautomation.fakes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The Instagram side of {@link FakeGraph} (Content Publishing guide): containers made from {@code image_url} or
 * {@code video_url}, which it fetches itself, in the background, as Meta does (a URL it cannot fetch, or that is not a
 * JPEG image or an MP4/MOV video, ends the container in ERROR with Meta's words); IN_PROGRESS until then, FINISHED
 * after; carousels of 2 to 10 FINISHED items of the same account; captions of at most 2,200 characters, 30 hashtags
 * and 20 @mentions; media_publish only of a FINISHED, unpublished, non-item container, within the account's limit of
 * posts in 24 hours ({@code content_publishing_limit}), answered with the media id; the recent media with their
 * timestamps, and each post's permalink.
 */
final class FakeInstagramMedia {
    private static final HttpClient FETCHER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");
    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9._]+");

    /** A container; {@code status} moves IN_PROGRESS → FINISHED | ERROR → PUBLISHED. */
    static final class Container {
        final String id;
        final String account;
        final Map<String, String> fields;
        final List<String> children;
        volatile String status = "IN_PROGRESS";
        volatile String reason;
        volatile byte[] fetched;

        Container(String id, String account, Map<String, String> fields, List<String> children) {
            this.id = id;
            this.account = account;
            this.fields = fields;
            this.children = children;
        }
    }

    /** A published post: its media id, its container, and when. */
    record Published(String id, String account, Container container, Instant at) {}

    final Map<String, Container> containers = new ConcurrentHashMap<>();
    final List<Published> published = new CopyOnWriteArrayList<>();
    final List<String> fetchedUrls = new CopyOnWriteArrayList<>();
    private final ExecutorService fetching = Executors.newFixedThreadPool(2);
    private final AtomicLong ids;
    volatile String publicUrl;
    volatile String fetchVia;
    volatile int quotaTotal = 25;
    /** While set, fetches wait for it: containers stay IN_PROGRESS. */
    volatile java.util.concurrent.CountDownLatch gate;

    FakeInstagramMedia(AtomicLong ids) {
        this.ids = ids;
    }

    /** A new container, or the error Meta answers at once; null on success means see {@code made}. */
    String create(String account, Map<String, String> form, List<Container> made) {
        String caption = form.getOrDefault("caption", "");
        if (caption.length() > 2200 || HASHTAG.matcher(caption).results().count() > 30 || MENTION.matcher(caption).results().count() > 20) {
            return "The caption is too long or has more than 30 hashtags or 20 @mentions";
        }
        boolean item = "true".equals(form.get("is_carousel_item"));
        if (item && form.containsKey("caption")) {
            return "A carousel item cannot have a caption";
        }
        String type = form.getOrDefault("media_type", "IMAGE");
        if (type.equals("CAROUSEL")) {
            return carousel(account, form, made);
        }
        String url = type.equals("IMAGE") ? form.get("image_url") : form.get("video_url");
        if (url == null || (type.equals("IMAGE") && form.containsKey("video_url"))
                || !(type.equals("IMAGE") || type.equals("REELS") || (type.equals("VIDEO") && item))) {
            return "media_type " + type + " needs " + (type.equals("IMAGE") ? "image_url" : "video_url") + " and nothing else";
        }
        Container c = new Container(Long.toString(ids.incrementAndGet()), account, form, List.of());
        containers.put(c.id, c);
        fetching.submit(() -> fetch(c, url, type.equals("IMAGE")));
        made.add(c);
        return null;
    }

    private String carousel(String account, Map<String, String> form, List<Container> made) {
        List<String> children = List.of(form.getOrDefault("children", "").split(","));
        if (children.size() < 2 || children.size() > 10) {
            return "A carousel takes 2 to 10 children, not " + children.size();
        }
        for (String id : children) {
            Container child = containers.get(id);
            if (child == null || !child.account.equals(account) || !"true".equals(child.fields.get("is_carousel_item"))
                    || !child.status.equals("FINISHED")) {
                return "Child " + id + " is not a finished carousel item of this account";
            }
        }
        Container c = new Container(Long.toString(ids.incrementAndGet()), account, form, children);
        c.status = "FINISHED";
        containers.put(c.id, c);
        made.add(c);
        return null;
    }

    /** What Meta's fetcher does with the URL: GET it, with its own User-Agent, and check what came back. */
    private void fetch(Container c, String url, boolean image) {
        java.util.concurrent.CountDownLatch wait = gate;
        if (wait != null) {
            try {
                wait.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fetchedUrls.add(url);
        String target = fetchVia != null && publicUrl != null && url.startsWith(publicUrl) ? fetchVia + url.substring(publicUrl.length()) : url;
        try {
            HttpResponse<byte[]> answer = FETCHER.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .header("User-Agent", "facebookexternalhit/1.1").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            boolean fits = image ? type.equals("image/jpeg") : type.equals("video/mp4") || type.equals("video/quicktime");
            if (answer.statusCode() != 200 || answer.body().length == 0) {
                fail(c, "Error: Media download has failed. The media URI doesn't meet our requirements. (HTTP " + answer.statusCode() + ")");
            } else if (!fits) {
                fail(c, "Error: The media is not a supported format (" + type + ")");
            } else {
                c.fetched = answer.body();
                c.status = "FINISHED";
            }
        } catch (Exception e) {
            fail(c, "Error: Media download has failed. The media URI doesn't meet our requirements.");
        }
    }

    private static void fail(Container c, String reason) {
        c.reason = reason;
        c.status = "ERROR";
    }

    int usedIn24h(String account) {
        Instant since = Instant.now().minus(Duration.ofHours(24));
        return (int) published.stream().filter(p -> p.account().equals(account) && p.at().isAfter(since)).count();
    }

    /** Publishes the container; an error text, or null with the post added. */
    String publish(String account, String creationId) {
        Container c = containers.get(creationId == null ? "" : creationId);
        if (c == null || !c.account.equals(account)) {
            return "Invalid creation_id";
        }
        if ("true".equals(c.fields.get("is_carousel_item")) || !c.status.equals("FINISHED")) {
            return c.status.equals("PUBLISHED") ? "This media has already been published" : "Media ID is not available";
        }
        c.status = "PUBLISHED";
        published.add(new Published(Long.toString(ids.incrementAndGet()), account, c, Instant.now()));
        return null;
    }

    Map<String, Object> limit(String account) {
        return Map.of("data", List.of(Map.of("quota_usage", usedIn24h(account),
                "config", Map.of("quota_total", quotaTotal, "quota_duration", 86400))));
    }

    Map<String, Object> recent(String account, int limit) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = published.size() - 1; i >= 0 && data.size() < limit; i--) {
            Published p = published.get(i);
            if (p.account().equals(account)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", p.id());
                entry.put("timestamp", STAMP.format(p.at()));
                data.add(entry);
            }
        }
        return Map.of("data", data);
    }

    /** A post made long ago enough that only {@code ago} is left of its 24 hours... or any time: for filling the quota. */
    void publishedAt(String account, Instant at) {
        Container c = new Container(Long.toString(ids.incrementAndGet()), account, Map.of(), List.of());
        c.status = "PUBLISHED";
        published.add(new Published(Long.toString(ids.incrementAndGet()), account, c, at));
    }

    void close() {
        fetching.shutdownNow();
    }
}

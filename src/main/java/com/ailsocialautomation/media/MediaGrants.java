package com.ailsocialautomation.media;

import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.store.Sql;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The grants behind public media links ({@code media_grants}): a random 256-bit token per link, of which only the
 * SHA-256 is stored, so every instance sharing the database serves the link and a copy of the table opens nothing.
 * A lookup finds an item only while its grant is unexpired and unrevoked; everything else is "not there", alike.
 */
public final class MediaGrants implements PublicMedia {
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String PATH = "/media/";

    private final Sql sql;
    private final MediaStore store;
    private final String publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** {@code publicUrl}: AIL_PUBLIC_URL, without a trailing slash. */
    public MediaGrants(Sql sql, MediaStore store, String publicUrl, Clock clock) {
        this.sql = sql;
        this.store = store;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    @Override
    public URI grant(Media item, Duration lifetime) {
        if (!(item instanceof StoredMedia stored)) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "AIL holds no copy of " + item.fileName()
                    + " to show the platform (the post was accepted before AIL copied media); post it again", null);
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Duration life = lifetime.compareTo(LONGEST) > 0 ? LONGEST : lifetime;
        sql.update("delete from media_grants where expires_at <= ?", now); // expired ones open nothing; keep the table small
        sql.update("insert into media_grants (token_hash, workspace_id, item_id, target_id, expires_at) values (?, ?, ?, ?, ?)",
                hash(token), stored.workspaceId(), stored.id(), stored.targetId(), now.plus(life));
        return URI.create(publicUrl + PATH + token);
    }

    @Override
    public void revoke(URI link) {
        String path = link.getRawPath();
        if (path != null && path.startsWith(PATH)) {
            String token = path.substring(PATH.length());
            if (TOKEN.matcher(token).matches()) {
                sql.update("delete from media_grants where token_hash = ?", (Object) hash(token));
            }
        }
    }

    /** Ends every link made for the target: it finished (published, failed or unknown). */
    public int revokeTarget(UUID workspaceId, UUID targetId) {
        return sql.update("delete from media_grants where workspace_id = ? and target_id = ?", workspaceId, targetId);
    }

    /** The item {@code token} opens now; empty for a malformed, unknown, expired or revoked token alike. */
    public Optional<StoredMedia> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return sql.one("select workspace_id, item_id from media_grants where token_hash = ? and expires_at > ?",
                        rs -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, hash(token), clock.instant())
                .flatMap(ids -> store.find(ids[0], ids[1]));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

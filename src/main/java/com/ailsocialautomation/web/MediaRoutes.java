package com.ailsocialautomation.web;

import com.ailsocialautomation.media.MediaGrants;
import com.ailsocialautomation.media.StoredMedia;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /media/<token>}: a copied media item for the platform that was given the link (Instagram and Threads fetch
 * media by URL), while its grant lasts. Every other token, expired, revoked or never issued, gets the same 404 as any
 * unknown address. The item streams from its encrypted chunks; a single byte range is honoured (206, or 416 past the
 * end), as video fetchers ask for them. The token is in no log line: the request log names the route template only.
 */
public final class MediaRoutes implements WebRoutes {
    private final MediaGrants grants;

    public MediaRoutes(MediaGrants grants) {
        this.grants = grants;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/media/{token}", ctx -> serve(ctx, true));
        routes.head("/media/{token}", ctx -> serve(ctx, false));
    }

    private void serve(Context ctx, boolean withBody) throws IOException {
        StoredMedia item = grants.open(ctx.pathParam("token")).orElseThrow(NotFoundResponse::new);
        long size = item.size();
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Cache-Control", "no-store"); // a shared cache would keep serving it after the grant ends
        ByteRange.Asked asked = ByteRange.parse(ctx.header("Range"), size);
        if (asked instanceof ByteRange.Unsatisfiable) {
            ctx.status(416).header("Content-Range", "bytes */" + size).contentType("text/plain")
                    .result("The range asked for is outside the " + size + " bytes of this item.");
            return;
        }
        ctx.contentType(item.mimeType());
        long first = 0;
        long length = size;
        if (asked instanceof ByteRange.Part part) {
            first = part.range().first();
            length = part.range().length();
            ctx.status(206).header("Content-Range", part.range().contentRange(size));
        }
        ctx.header("Content-Length", Long.toString(length));
        if (withBody) {
            InputStream in = item.openAt(first);
            ctx.result(length == size - first ? in : new Bounded(in, length));
        }
    }

    /** At most {@code left} bytes of {@code in}: the end of a range before the end of the item. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

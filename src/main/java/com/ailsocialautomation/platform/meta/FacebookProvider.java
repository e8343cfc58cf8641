package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.platform.AccountChoice;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facebook Pages through the Graph API. The person logs in once; each Page they choose becomes an account whose
 * access token is its Page token (which does not expire when made from a long-lived user token) and whose refresh
 * token is that long-lived user token: it makes a new Page token when Meta refuses the old one, opens video upload
 * sessions, and revokes the grant at disconnect. Posts: text (with a link preview for its first link), photos
 * uploaded unpublished then attached to one feed post, a video through the resumable upload.
 */
public final class FacebookProvider implements Provider {
    /** What publishing to a Page needs (Pages API "Posts" guide): listing the Pages, reading them, posting. */
    static final String SCOPES = "pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_engagement";
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final MetaGraph graph;
    private final MetaAnswers answers;
    private final FacebookMedia media;

    public FacebookProvider(MetaGraph graph) {
        this.graph = graph;
        this.answers = new MetaAnswers("Facebook", graph.clock());
        this.media = new FacebookMedia(graph, answers);
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        return graph.authorizeUrl(request, SCOPES);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        return graph.userToken(exchange, answers, SCOPES);
    }

    /** The person who logged in; they choose among their Pages, and no account is made for them. */
    @Override
    public Profile profile(Credentials credentials) {
        return graph.person(credentials.accessToken(), answers, "Facebook");
    }

    @Override
    public boolean ownProfileIsAChoice() {
        return false; // Meta lets apps post to Pages, not to a person's own timeline
    }

    @Override
    public List<AccountChoice> choices(Credentials credentials) {
        return graph.pages(credentials.accessToken(), answers).stream()
                .filter(page -> page.hasNonNull("access_token")) // no token: the person may not post there
                .map(page -> new AccountChoice(page(page), new TokenSet(Secret.of(page.path("access_token").asText()),
                        credentials.accessToken(), null, credentials.expiresAt(), SCOPES), "Page"))
                .toList();
    }

    /** A new Page token from the user token, when Meta refused the stored one. */
    @Override
    public TokenSet refresh(Credentials credentials) {
        if (credentials.refreshToken() == null) {
            return Provider.super.refresh(credentials);
        }
        for (JsonNode page : graph.pages(credentials.refreshToken(), answers)) {
            if (page.path("id").asText().equals(credentials.accountId()) && page.hasNonNull("access_token")) {
                return new TokenSet(Secret.of(page.path("access_token").asText()), credentials.refreshToken(), null, null, SCOPES);
            }
        }
        throw new PlatformError(PlatformError.Kind.AUTH_EXPIRED, 0, "Facebook no longer lets you post to this Page "
                + "through AIL", null);
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    @Override
    public void revoke(Credentials credentials) {
        graph.revoke(credentials.refreshToken() != null ? credentials.refreshToken() : credentials.accessToken(), answers);
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media item) {
        return item.isVideo() ? media.uploadVideo(credentials, item) : media.uploadPhoto(credentials, item);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        String page = credentials.accountId();
        String text = request.text() == null ? "" : request.text();
        if (!request.media().isEmpty() && FacebookMedia.isVideo(request.media().get(0))) {
            JsonNode video = graph.post("/" + page + "/videos", Map.of("description", text,
                    "fbuploader_video_file_chunk", request.media().get(0).id()), credentials.accessToken(), answers, "publishing the video");
            String id = MetaAnswers.required(video, "id", "Facebook", "publishing the video");
            return new Published(id, "https://www.facebook.com/" + page + "/videos/" + id, 200);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("message", text);
        for (int i = 0; i < request.media().size(); i++) {
            form.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + request.media().get(i).id() + "\"}");
        }
        Matcher link = LINK.matcher(text);
        if (request.media().isEmpty() && link.find()) {
            form.put("link", link.group()); // Facebook shows the first link's preview, as when people post it
        }
        JsonNode post = graph.post("/" + page + "/feed", form, credentials.accessToken(), answers, "publishing the post");
        String id = MetaAnswers.required(post, "id", "Facebook", "publishing the post");
        return new Published(id, "https://www.facebook.com/" + id, 200);
    }

    /**
     * A first comment as the Page ({@code POST /{post-id}/comments}, which needs pages_manage_engagement); its link
     * opens the post at the comment.
     */
    @Override
    public Published comment(Credentials credentials, PublishRequest comment, ReplyTo on) {
        String post = on.parent().externalId();
        JsonNode created = graph.post("/" + post + "/comments", Map.of("message", comment.text()), credentials.accessToken(),
                answers, "commenting");
        String id = MetaAnswers.required(created, "id", "Facebook", "commenting");
        return new Published(id, "https://www.facebook.com/" + post + "?comment_id=" + id, 200);
    }

    private static Profile page(JsonNode page) {
        String id = page.path("id").asText();
        String name = page.path("name").asText(id);
        String username = page.path("username").asText(null);
        return new Profile(id, username != null ? username : name, name, null,
                "https://www.facebook.com/" + (username != null ? username : id));
    }
}

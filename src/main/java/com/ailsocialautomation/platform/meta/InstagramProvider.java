package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.UserError;
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
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Instagram professional accounts through Facebook Login (the Graph API variant): the person logs in with the Meta
 * app, and each Instagram account linked to one of their Pages is a choice. The Content Publishing guide says every
 * request carries the person's user token, so an account's access token is the long-lived user token (about 60
 * days, no refresh: AIL reminds its owner to reconnect). Media become containers that Meta fetches from AIL's public
 * links; the post is published once they are FINISHED, after checking the account's publishing limit.
 */
public final class InstagramProvider implements Provider {
    /** What publishing needs (Content Publishing guide, Facebook Login variant): finding the account through its Page, posting. */
    static final String SCOPES = "instagram_basic,instagram_content_publish,instagram_manage_comments,pages_show_list,pages_read_engagement";
    /** Caption limits from the Content Publishing guide: more is refused at publishing. */
    public static final int MAX_HASHTAGS = 30;
    public static final int MAX_MENTIONS = 20;

    private final MetaGraph graph;
    private final MetaAnswers answers;
    private final InstagramContainers containers;
    private final PublishingLimit limit;

    public InstagramProvider(MetaGraph graph, PublicMedia publicMedia) {
        this.graph = graph;
        this.answers = new MetaAnswers("Instagram", graph.clock());
        this.containers = new InstagramContainers(graph, answers, publicMedia);
        this.limit = new PublishingLimit(graph, answers);
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        return graph.authorizeUrl(request, SCOPES);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        return graph.userToken(exchange, answers, SCOPES);
    }

    @Override
    public Profile profile(Credentials credentials) {
        return graph.person(credentials.accessToken(), answers, "Instagram");
    }

    @Override
    public boolean ownProfileIsAChoice() {
        return false;
    }

    /** The Instagram professional accounts linked to the person's Pages; the person's token acts for each. */
    @Override
    public List<AccountChoice> choices(Credentials credentials) {
        List<AccountChoice> choices = new ArrayList<>();
        for (JsonNode page : graph.pages(credentials.accessToken(), answers)) {
            String ig = page.path("instagram_business_account").path("id").asText("");
            if (ig.isBlank()) {
                continue;
            }
            JsonNode account = graph.get("/" + ig + "?" + Query.of("fields", "id,username,name,profile_picture_url"),
                    credentials.accessToken(), answers, "reading your Instagram account");
            String username = MetaAnswers.required(account, "username", "Instagram", "reading your Instagram account");
            choices.add(new AccountChoice(new Profile(ig, "@" + username, account.path("name").asText(username),
                    account.path("profile_picture_url").asText(null), "https://www.instagram.com/" + username), null,
                    "Instagram account of the Page " + page.path("name").asText("")));
        }
        if (choices.isEmpty()) {
            throw new UserError("None of the Pages you shared with AIL has an Instagram professional account linked to it. "
                    + "Link one to a Page (Instagram: Settings, Account type and tools), then connect again");
        }
        return choices;
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    @Override
    public void revoke(Credentials credentials) {
        graph.revoke(credentials.accessToken(), answers);
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media item, PublishRequest post) {
        boolean carousel = post.items().size() > 1;
        return containers.create(credentials, item, carousel ? null : post.text(), carousel);
    }

    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef item) {
        return item.ready() ? item : containers.status(credentials, item);
    }

    /** Containers expire after 24 hours; an hour less leaves room. */
    @Override
    public Duration uploadKeptFor() {
        return Duration.ofHours(23);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        if (request.media().isEmpty()) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "Instagram posts need an image or a video", null);
        }
        limit.check(credentials);
        String creation = request.media().get(0).id();
        if (request.media().size() > 1) {
            creation = containers.carousel(credentials, request.media(), request.text());
            if (!containers.statusCode(credentials, creation).equals("FINISHED")) {
                throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "Instagram is still putting the carousel together", null);
            }
        }
        JsonNode published = graph.post("/" + credentials.accountId() + "/media_publish", java.util.Map.of("creation_id", creation),
                credentials.accessToken(), answers, "publishing the post");
        String id = MetaAnswers.required(published, "id", "Instagram", "publishing the post");
        return new Published(id, permalink(credentials, id), 200);
    }

    /**
     * A first comment as the account ({@code POST /{ig-media-id}/comments}, which needs instagram_manage_comments);
     * Instagram gives comments no link of their own, so it links the post.
     */
    @Override
    public Published comment(Credentials credentials, PublishRequest comment, ReplyTo on) {
        JsonNode created = graph.post("/" + on.parent().externalId() + "/comments", java.util.Map.of("message", comment.text()),
                credentials.accessToken(), answers, "commenting");
        return new Published(MetaAnswers.required(created, "id", "Instagram", "commenting"), on.parent().url(), 200);
    }

    /** The post's link; if Instagram does not say it now, the profile's, which shows the post first. */
    private String permalink(Credentials credentials, String id) {
        try {
            return graph.get("/" + id + "?fields=permalink", credentials.accessToken(), answers, "reading the post's link")
                    .path("permalink").asText(null);
        } catch (PlatformError e) {
            String handle = credentials.handle() == null ? "" : credentials.handle().replace("@", "");
            return "https://www.instagram.com/" + handle;
        }
    }
}

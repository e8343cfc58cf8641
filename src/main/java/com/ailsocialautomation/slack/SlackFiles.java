package com.ailsocialautomation.slack;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.schedule.Echo;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.File;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Slack files given to AIL (the compose form's file input, the files of a message a shortcut was used on) as chat
 * files the command layer copies once: each file's {@code url_private_download} with the bot token as bearer
 * (scope {@code files:read}). A payload that lacks the URL is completed with {@code files.info}. The token is only
 * ever handed out with a URL on Slack's file host (or on the host SLACK_API_URL names, a stand-in for Slack).
 */
final class SlackFiles {
    /** Where Slack serves a workspace's files. */
    static final String FILE_HOST = "files.slack.com";

    /** A file as a payload names it; {@code url} (url_private_download) may be missing. */
    record Ref(String id, String name, String url) {
        static Ref of(File file) {
            String name = file.getName() == null || file.getName().isBlank() ? file.getId() : file.getName();
            return new Ref(file.getId(), Blocks.cut(name, 100), file.getUrlPrivateDownload());
        }
    }

    private final String standInHost;

    /** @param apiUrl SLACK_API_URL, or null for Slack itself */
    SlackFiles(String apiUrl) {
        this.standInHost = apiUrl == null ? null : authority(apiUrl);
    }

    /**
     * The files as chat files in order, {@code alts.get(i)} (null or blank for none) as the alt text of the i-th.
     * Throws a UserError naming the file when Slack does not hand it over.
     */
    List<MediaInput> resolve(MethodsClient client, String botToken, List<Ref> files, List<String> alts) {
        List<MediaInput> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Ref file = files.get(i);
            String url = file.url() != null ? file.url() : downloadUrl(client, file);
            String host = url == null ? null : authority(url);
            boolean slack = host != null && host.equals(FILE_HOST) && url.startsWith("https://");
            if (!slack && (host == null || !host.equals(standInHost))) {
                throw new UserError("Slack handed over " + Echo.of(file.name()) + " without a download address on "
                        + FILE_HOST + "; upload it again, or link it with media:<url>.");
            }
            String alt = i < alts.size() && alts.get(i) != null && !alts.get(i).isBlank() ? alts.get(i).strip() : null;
            out.add(new MediaInput.ChatFile(url, Secret.of(botToken), file.name(), alt));
        }
        return out;
    }

    private static String downloadUrl(MethodsClient client, Ref file) {
        FilesInfoResponse info;
        try {
            info = client.filesInfo(r -> r.file(file.id()));
        } catch (IOException | SlackApiException e) {
            throw new UserError("Slack could not be asked for " + Echo.of(file.name()) + " (" + e.getClass().getSimpleName()
                    + "); try again in a moment.");
        }
        if (!info.isOk() || info.getFile() == null) {
            String why = "missing_scope".equals(info.getError())
                    ? "the app lacks the files:read scope; an admin reinstalls it from the current manifest"
                    : "Slack answered " + info.getError() + "; in a channel, invite AIL there first";
            throw new UserError("AIL cannot read " + Echo.of(file.name()) + ": " + why + ".");
        }
        return info.getFile().getUrlPrivateDownload();
    }

    private static String authority(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? null
                    : uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

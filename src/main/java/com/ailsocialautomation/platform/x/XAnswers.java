package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;

/** Reads X's answers; every answer that is not a success becomes a {@link PlatformError} of the right kind. */
final class XAnswers {

    private final Clock clock;

    XAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The JSON of a successful answer. */
    JsonNode read(ApiResponse response, XCall call) {
        accept(response, call);
        return response.json("X");
    }

    void accept(ApiResponse response, XCall call) {
        if (!response.ok()) {
            throw refusal(response, call);
        }
    }

    /** The id of a created post. A 2xx X could not have meant is PERMANENT, and says the post may be live. */
    String postId(ApiResponse response) {
        accept(response, XCall.POSTING);
        JsonNode answer;
        try {
            answer = response.json("X");
        } catch (PlatformError e) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "X accepted the post (HTTP " + response.status()
                    + ") but sent an answer AIL could not read; check X before retrying", null);
        }
        JsonNode id = answer.path("data").path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
            // X can answer 200 with errors[] and no data.
            String said = said(response);
            throw new PlatformError(Kind.PERMANENT, response.status(), said != null ? said : "X's answer had no post id", null);
        }
        return id.asText();
    }

    PlatformError refusal(ApiResponse response, XCall call) {
        int status = response.status();
        String said = said(response);
        if (status == 429) {
            XRateLimit limit = XRateLimit.from(response);
            return new PlatformError(Kind.RATE_LIMITED, status, limit.message(call, clock), limit.resetAt());
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(Kind.TRANSIENT, status, "X had a problem while " + call.doing + " (HTTP " + status + ")"
                    + (said == null ? "" : ": " + said), null);
        }
        // [PZ] treats "Unsupported Authentication" as a token that must be renewed, not a refusal of the content.
        if (status == 401 || (status == 403 && said != null && said.contains("Unsupported Authentication"))) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "X no longer accepts the access token"
                    + (said == null ? "" : " (" + said + ")"), null);
        }
        return new PlatformError(Kind.PERMANENT, status, said != null ? said : "X refused " + call.doing + " (HTTP " + status + ")", null);
    }

    /** X's own words: the first error's message, a problem's detail or title, or an OAuth error description. */
    static String said(ApiResponse response) {
        return ApiResponse.shorten(response.firstText("/errors/0/message", "/detail", "/error_description", "/title", "/error"));
    }

    /** A field X must send; its absence is a PERMANENT error rather than a NullPointerException later. */
    static String required(JsonNode node, String field, XCall call) {
        JsonNode value = node.path(field);
        if (!value.isTextual() && !value.isNumber() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "X's answer while " + call.doing + " had no " + field, null);
        }
        return value.asText();
    }
}

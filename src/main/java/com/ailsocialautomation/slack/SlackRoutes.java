package com.ailsocialautomation.slack;

import com.ailsocialautomation.web.WebRoutes;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events} (slash commands, interactivity, events) and, when the app is distributed,
 * {@code GET /slack/install} and {@code GET /slack/oauth_redirect}. Bolt sees a request only after its signature
 * was checked over the raw bytes; anything unsigned, stale or too large is refused here and never processed.
 * Bodies are never logged.
 */
final class SlackRoutes implements WebRoutes {
    static final String EVENTS = "/slack/events";
    static final String INSTALL = "/slack/install";
    static final String OAUTH_REDIRECT = "/slack/oauth_redirect";
    /** Slack's largest payloads (a view submission with its whole view) stay well below this. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SlackRoutes.class);

    private final App bolt;
    private final SlackRequestParser parser;
    private final SlackSignature signature;
    private final boolean distributed;

    SlackRoutes(App bolt, SlackSignature signature, boolean distributed) {
        this.bolt = bolt;
        this.parser = new SlackRequestParser(bolt.config());
        FormSniffing.install(parser);
        this.signature = signature;
        this.distributed = distributed;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(EVENTS, this::events);
        if (distributed) {
            routes.get(INSTALL, ctx -> pass(ctx, "", System.nanoTime()));
            routes.get(OAUTH_REDIRECT, ctx -> pass(ctx, "", System.nanoTime()));
            new InstallPages().addTo(routes);
        }
    }

    private void events(Context ctx) throws Exception {
        long arrived = System.nanoTime(); // the ack budget runs from here
        long declared = ctx.contentLength();
        if (declared > MAX_BODY_BYTES) {
            ctx.status(413).result("request body too large");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            ctx.status(413).result("request body too large");
            return;
        }
        if (!signature.verify(ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), body)) {
            log.debug("Refused a request to {} with a missing, wrong or stale Slack signature", EVENTS);
            ctx.status(401).result("invalid signature");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String problem = RequestShape.problem(ctx.contentType(), text);
        if (problem != null) {
            RequestShape.refused(problem);
            ctx.status(400).result("not a request Slack sends: " + problem);
            return;
        }
        pass(ctx, text, arrived);
    }

    private void pass(Context ctx, String body, long arrived) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : ctx.headerMap().keySet()) {
            if (!name.equalsIgnoreCase(AckDeadline.ARRIVED_HEADER)) {
                headers.put(name, ctx.req().getHeaders(name) == null ? List.of()
                        : java.util.Collections.list(ctx.req().getHeaders(name)));
            }
        }
        headers.put(AckDeadline.ARRIVED_HEADER, List.of(Long.toString(arrived)));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(ctx.ip())
                .build());
        if (request == null) {
            ctx.status(400).result("not a Slack request");
            return;
        }
        Response response = bolt.run(request);
        ctx.status(response.getStatusCode());
        response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }
}

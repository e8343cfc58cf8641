package com.ailsocialautomation.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Correctly signed requests whose body is not what Slack sends (issue 13.13): each is a 400 with one log line that
 * does not quote the body, and nothing reaches the database.
 */
class SlackMalformedRequestTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.single(pg);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @BeforeEach
    void listen() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private long rows() {
        return rig.sql.one("select (select count(*) from workspaces) + (select count(*) from chat_users) "
                + "+ (select count(*) from posts) + (select count(*) from notifications)", rs -> rs.getLong(1)).orElseThrow();
    }

    /** The request is refused with a 400, logged once without its body, and changes nothing. */
    private void refused(String marker, java.util.function.Supplier<HttpResponse<String>> send) {
        long before = rows();
        logged.list.clear();
        HttpResponse<String> response = send.get();
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(before, rows(), "nothing reached the database");
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Refused a malformed Slack request")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(marker)), "the body is not logged: " + lines);
        assertTrue(logged.list.stream().noneMatch(e -> e.getThrowableProxy() != null), "no stack trace");
    }

    @Test
    void aPayloadThatIsNotJsonIsA400() {
        refused("MARK-NOTJSON", () -> rig.requests.interactivity("{not json MARK-NOTJSON"));
        refused("MARK-ARRAY", () -> rig.requests.interactivity("[\"MARK-ARRAY\"]"));
    }

    @Test
    void aSlashCommandWithoutAUserOrATeamIsA400() {
        for (String missing : List.of("user_id", "team_id")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("team_id", "TMAL");
            form.put("user_id", "UMAL");
            form.put("command", "/ail");
            form.put("text", "post MARK-CMD hello");
            form.put("response_url", rig.slack.responseUrl("mal"));
            form.put("trigger_id", "1.2.3");
            form.remove(missing);
            refused("MARK-CMD", () -> rig.requests.post(SignedRequests.form(form), "application/x-www-form-urlencoded"));
        }
    }

    @Test
    void aViewSubmissionWithForeignMetadataIsA400() {
        Map<String, ObjectNode> values = Map.of("text", Payloads.textValue("MARK-VIEW hello"));
        refused("MARK-META", () -> rig.requests.interactivity(Payloads.submission("TMAL", "UMAL", FormModal.CALLBACK,
                "MARK-META not ours", values)));
        refused("MARK-META", () -> rig.requests.interactivity(Payloads.submission("TMAL", "UMAL", ComposeModal.CALLBACK,
                "MARK-META not ours", values)));
    }

    @Test
    void anInteractionWithoutAUserIsA400() throws Exception {
        ObjectNode payload = (ObjectNode) Json.MAPPER.readTree(Payloads.button("TMAL", "UMAL", "retry:p1", "retry:p1", rig.slack.responseUrl("mal")));
        payload.remove("user");
        payload.put("marker", "MARK-NOUSER");
        refused("MARK-NOUSER", () -> rig.requests.interactivity(payload.toString()));
        ObjectNode submission = (ObjectNode) Json.MAPPER.readTree(Payloads.submission("TMAL", "UMAL", ComposeModal.CALLBACK, null, Map.of()));
        submission.remove("user");
        submission.put("marker", "MARK-NOUSER");
        refused("MARK-NOUSER", () -> rig.requests.interactivity(submission.toString()));
    }

    @Test
    void aBadlyEncodedFormIsA400() {
        refused("MARK-ENC", () -> rig.requests.post("command=%2Fail&text=MARK-ENC%zz&user_id=U1&team_id=T1", "application/x-www-form-urlencoded"));
    }
}

package com.ailsocialautomation.slack;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadDetector;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.util.SlackRequestParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quicker sniffing gives Bolt's own answers, so every request is still routed as Bolt would route it. */
class FormSniffingTest {
    private static final List<String> BODIES = List.of(
            "token=x&team_id=T1&user_id=U1&command=%2Fail&text=help&response_url=https%3A%2F%2Fhooks.slack.com%2Fx",
            "payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D",
            "p%61yload=%7B%22type%22%3A%22view_submission%22%7D&x=1",
            "team_id=T1&c%6Fmmand=%2Fail",
            "team_id=T1& command =%2Fail",
            "team_id=T1&command%0A=%2Fail",
            "commands=1&payloads=2&text=command%3Dpayload",
            "text=a&command",
            "text=a&command=",
            "command=%2Fail=x",
            "command=%2Fail=&payload==",
            "x=1&=command&payload=%7B%7D=",
            "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_home_opened\"}}",
            "  {\"type\":\"url_verification\",\"challenge\":\"c\"}",
            "",
            "&&=&payload");

    @Test
    void everyBodyIsClassifiedAsBoltClassifiesIt() {
        SlackRequestParser quick = new SlackRequestParser(AppConfig.builder().signingSecret("s").build());
        FormSniffing.install(quick);
        JsonPayloadExtractor bolts = new JsonPayloadExtractor();
        SlashCommandPayloadDetector boltsDetector = new SlashCommandPayloadDetector();
        for (String body : BODIES) {
            assertEquals(bolts.extractIfExists(body), quick.getJsonPayloadExtractor().extractIfExists(body), body);
            assertEquals(boltsDetector.isCommand(body), quick.getCommandRequestDetector().isCommand(body), body);
        }
    }
}

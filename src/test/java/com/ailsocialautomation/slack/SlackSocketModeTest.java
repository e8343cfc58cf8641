package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.Units;
import com.ailsocialautomation.wiring.FrontEnds;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue point 1: with SLACK_APP_TOKEN the app connects over Socket Mode and answers envelopes with their ack. */
class SlackSocketModeTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    /** Slack's side of the websocket: says hello, sends one slash command, collects what comes back. */
    static final class SocketEndpoint extends WebSocketServer {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CountDownLatch started = new CountDownLatch(1);
        private final String envelope;

        SocketEndpoint(String envelope) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.envelope = envelope;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0AIL\"}}");
            conn.send(envelope);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @Test
    void aSlashCommandArrivingOverSocketModeIsAckedWithTheAnswerInItsEnvelope() throws Exception {
        ObjectNode payload = Json.MAPPER.createObjectNode().put("token", "x").put("team_id", FakeSlack.TEAM)
                .put("team_domain", "ail-test").put("channel_id", "C1").put("channel_name", "general")
                .put("user_id", "USOCK").put("user_name", "sock").put("command", "/ail").put("text", "help")
                .put("api_app_id", "A0AIL").put("is_enterprise_install", "false")
                .put("response_url", "http://127.0.0.1:9/respond").put("trigger_id", "1.2.3");
        ObjectNode envelope = Json.MAPPER.createObjectNode().put("envelope_id", "env-1").put("type", "slash_commands")
                .put("accepts_response_payload", true);
        envelope.set("payload", payload);
        SocketEndpoint endpoint = new SocketEndpoint(envelope.toString());
        endpoint.start();
        assertTrue(endpoint.started.await(10, TimeUnit.SECONDS));
        try (FakeSlack slack = new FakeSlack()) {
            slack.addUser(new FakeSlack.User("USOCK", "Sock", "UTC", false, false));
            slack.socketModeAt("ws://127.0.0.1:" + endpoint.getPort() + "/link");
            Config.Slack config = new Config.Slack(Secret.of(SignedRequests.SECRET), Secret.of(FakeSlack.BOT_TOKEN), null, null,
                    Secret.of("xapp-1-A0AIL-test"), slack.url());
            try (Units units = Units.over(pg).handlers(List.of(Handler.of(Subcommand.HELP,
                         (caller, command) -> Reply.of("Help over Socket Mode")))).build();
                 SlackFrontEnd front = new SlackFrontEnd(config, "http://127.0.0.1:8080",
                         FrontEnds.slackParts(units.store, units.commandLayer, units.clock)).start()) {
                String ack = endpoint.received.poll(15, TimeUnit.SECONDS);
                assertNotNull(ack, "the app acked the envelope");
                JsonNode json = Json.MAPPER.readTree(ack);
                assertEquals("env-1", json.path("envelope_id").asText());
                assertTrue(json.path("payload").toString().contains("Help over Socket Mode"), ack);
                assertEquals("xapp-1-A0AIL-test", slack.calls("apps.connections.open").get(0).token());
            }
        } finally {
            endpoint.stop(1000);
        }
    }
}

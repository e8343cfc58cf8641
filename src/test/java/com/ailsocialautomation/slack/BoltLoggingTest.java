package com.ailsocialautomation.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logging configuration we ship keeps raw Slack requests out of the log, even when an operator turns the root
 * logger up to DEBUG: Bolt's parser quotes a whole request it cannot classify, body included.
 */
class BoltLoggingTest {
    @Test
    void boltsRequestParserPrintsNoBodyUnderTheShippedConfigurationEvenAtDebug() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        try {
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(BoltLoggingTest.class.getResource("/logback.xml"));
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.DEBUG);
            logged.setContext(context);
            logged.start();
            root.addAppender(logged);

            String body = "{\"type\":\"not_a_slack_type\",\"text\":\"canary-private-message-7f3a\"}";
            SlackRequestParser.HttpRequest request = SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events").queryString(Map.of()).requestBody(body)
                    .headers(new RequestHeaders(Map.of("Content-Type", List.of("application/json")))).remoteAddress("127.0.0.1").build();
            new SlackRequestParser(AppConfig.builder().signingSecret("s").singleTeamBotToken("xoxb-test").build()).parse(request);

            // the parser did log, to a logger we know: prove the appender listens by logging there ourselves
            LoggerFactory.getLogger("com.ailsocialautomation.slack").debug("listening");
            assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().equals("listening")));
            assertEquals(List.of(), logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("canary-private-message")).toList());
        } finally {
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
    }
}

package com.ailsocialautomation.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;

import java.nio.charset.StandardCharsets;

/**
 * The encoders that the shipped logback.xml builds for each AIL_LOG_FORMAT, so that tests check the lines an operator
 * really gets (text and JSON) rather than a copy of the pattern.
 */
public final class LogFormats {
    private LogFormats() {}

    /** The STDERR appender's encoder when AIL_LOG_FORMAT is {@code format} (text or json). */
    public static Encoder<ILoggingEvent> encoder(String format) {
        LoggerContext context = new LoggerContext();
        context.putProperty("AIL_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(LogFormats.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        if (appender == null) {
            throw new IllegalStateException("logback.xml has no STDERR appender for AIL_LOG_FORMAT=" + format);
        }
        return appender.getEncoder();
    }

    /** {@code event} as the line the format writes. */
    public static String line(Encoder<ILoggingEvent> encoder, ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    /**
     * An appender to attach beside the real one: it writes every event at once (while its logging context is still
     * in place) in both formats, text and JSON, and keeps the lines.
     */
    public static final class Lines extends ch.qos.logback.core.AppenderBase<ILoggingEvent> {
        private final Encoder<ILoggingEvent> text = encoder("text");
        private final Encoder<ILoggingEvent> json = encoder("json");
        private final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(line(text, event));
            lines.add(line(json, event));
        }

        /** Every line written so far, text and JSON alternating. */
        public java.util.List<String> all() {
            return java.util.List.copyOf(lines);
        }
    }
}

package io.regshift.adapter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Everything logged through SLF4J during the suite: the module's logback-test.xml keeps it in
 * memory in an appender named {@code CAPTURE}. Registered as an extension, it fails the test class
 * if any secret it was given appears in the logs. Shared with the proxy's tests (the adapter's
 * test-jar).
 */
public final class CapturedLogs implements AfterAllCallback {
    private final List<String> secrets;

    public CapturedLogs(String... secrets) {
        this.secrets = List.of(secrets);
    }

    /** Every event logged so far, one line each: level, logger, message and any stack trace. */
    @SuppressWarnings("unchecked")
    public static List<String> lines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = (ListAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CAPTURE");
        List<String> out = new ArrayList<>();
        synchronized (appender.list) {
            for (ILoggingEvent e : appender.list) {
                out.add(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())));
            }
        }
        return out;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> lines = lines();
        for (String secret : secrets) {
            assertThat(lines).as("logs must not contain a credential").noneMatch(line -> line.contains(secret));
        }
    }
}

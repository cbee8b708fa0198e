package io.regshift.proxy;

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
 * Everything logged through SLF4J during the suite (logback-test.xml keeps it in memory).
 * Registered as an extension, it fails the test class if any secret it was given appears there.
 */
final class CapturedLogs implements AfterAllCallback {
  private final List<String> secrets;

  CapturedLogs(String... secrets) {
    this.secrets = List.of(secrets);
  }

  @SuppressWarnings("unchecked")
  static List<String> lines() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> appender =
        (ListAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CAPTURE");
    List<String> out = new ArrayList<>();
    synchronized (appender.list) {
      for (ILoggingEvent e : appender.list) {
        out.add(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())));
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

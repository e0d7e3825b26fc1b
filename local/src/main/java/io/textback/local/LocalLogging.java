package io.textback.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quiet start: the terminal shows warnings and errors only; everything at INFO goes to a log file
 * whose path the ready table shows. Set before anything logs (the database and the engine start
 * before Spring), for the whole run.
 */
final class LocalLogging {
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

  private LocalLogging() {}

  static void quiet(Path logFile) {
    // Spring Boot would set logback up again for the worker (and drop the file): it is told not to.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    System.setProperty("spring.main.banner-mode", "log");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setFile(logFile.toString());
    file.setAppend(true); // a second start refused on this folder must not wipe the running one's log
    file.setEncoder(encoder(context));
    file.start();
    ThresholdFilter warnings = new ThresholdFilter();
    warnings.setLevel("WARN");
    warnings.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setEncoder(encoder(context));
    console.addFilter(warnings);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(file);
    root.addAppender(console);
    // Tomcat logs through java.util.logging: into the same place (Spring's logging would do this).
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
    // What the worker's application.yaml asks of Spring's logging, which is off here.
    context.getLogger("io.camunda.connector.runtime.outbound.job").setLevel(Level.WARN);
    // Warnings that are true of production and not of local mode: the embedded engine has no
    // authentication and speaks plain gRPC on localhost, and registers one gauge twice.
    context.getLogger("io.camunda.client.spring.properties.CamundaClientPropertiesPostProcessor").setLevel(Level.ERROR);
    context.getLogger("io.camunda.client.impl.CamundaCallCredentials").setLevel(Level.ERROR);
    context.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.ERROR);
  }

  private static PatternLayoutEncoder encoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }
}

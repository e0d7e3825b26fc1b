package io.textback.worker.spool;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code textback.spool.*}: where Twilio's webhooks wait while PostgreSQL is down.
 *
 * @param directory a folder on local disk that outlives the process (a volume in a container), one per
 *     worker: a second worker on the same folder is refused at start
 * @param maxSize the most the spool holds; past it a webhook is answered 503, never taken and lost
 * @param drainInterval how often a worker with a spool tries PostgreSQL again
 */
@ConfigurationProperties("textback.spool")
public record SpoolProperties(
    @DefaultValue("spool") Path directory,
    @DefaultValue("64MB") DataSize maxSize,
    @DefaultValue("500ms") Duration drainInterval) {}

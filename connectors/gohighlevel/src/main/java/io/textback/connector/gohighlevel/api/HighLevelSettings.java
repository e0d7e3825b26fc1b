package io.textback.connector.gohighlevel.api;

import java.time.Duration;

/**
 * How textback talks to HighLevel, for every location.
 *
 * @param requestsPer10Seconds HighLevel's burst limit per location (100, shared/reference/gohighlevel.md §2)
 * @param requestsPerDay HighLevel's daily limit per location (200,000)
 * @param maxAttempts tries of one call inside a job (a 429 or 5xx), before the job's own retries take over
 */
public record HighLevelSettings(
    String baseUrl,
    int requestsPer10Seconds,
    int requestsPerDay,
    int maxAttempts,
    Duration initialBackoff,
    Duration connectTimeout,
    Duration readTimeout) {}

package io.textback.testkit;

/** What the worker answered a webhook with. */
public record WebhookResponse(int status, String body) {}

package io.textback.worker.security;

import java.util.List;

/** Paths under /api that set up the installation (a CRM app's install, say): an admin's, never a member's. Each adapter names its own. */
public record AdminOnlyPaths(List<String> patterns) {}

package io.textback.testkit;

import java.util.List;
import java.util.Map;

/** Something the HubSpot fake was asked to create: a contact, call, deal (0-3), task, communication, message. */
public record HubSpotRecord(String type, String id, Map<String, String> properties, List<String> associatedTo) {}

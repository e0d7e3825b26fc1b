package io.textback.worker.business;

import io.textback.worker.web.RequestRejectedException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Adding and changing a business outside the configuration: checked by the same rules as the
 * businesses file, in effect at once (no restart), kept in PostgreSQL with who changed what.
 */
@Service
public class BusinessChanges {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessChanges.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final BusinessDirectory directory;
  private final BusinessStore store;

  public BusinessChanges(BusinessDirectory directory, BusinessStore store) {
    this.directory = directory;
    this.store = store;
  }

  /** Every rule these settings break, as the businesses file would be told at start; empty when none. */
  public List<String> problems(Map<String, Object> json) {
    List<String> problems = new ArrayList<>();
    try {
      directory.check(BusinessJson.bind(json), problems);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  /** What a created business answers: its id, and the form secret (shown this once). */
  public record Created(String id, String formSecret) {}

  public synchronized Created create(Map<String, Object> json, String who) {
    Map<String, Object> settings = new LinkedHashMap<>(json);
    String secret = (String) Optional.ofNullable(settings.get("formSecret")).orElse(null);
    if (secret == null || secret.isBlank()) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      secret = HexFormat.of().formatHex(bytes);
      settings.put("formSecret", secret);
    }
    Business business = checked(settings);
    if (directory.byId(business.id()).isPresent() || store.isStored(business.id())) {
      throw new RequestRejectedException(HttpStatus.CONFLICT, "a business with id '" + business.id() + "' exists already");
    }
    directory.byTwilioNumber(business.twilioNumber()).ifPresent(owner -> {
      throw new RequestRejectedException(HttpStatus.CONFLICT, "twilio-number is " + owner.id() + "'s already");
    });
    store.save(business.id(), settings, "created", who);
    directory.put(business, false).ifPresent(conflict -> {
      throw new RequestRejectedException(HttpStatus.CONFLICT, conflict);
    });
    LOG.info("{} added business {} ({})", who, business.id(), business.name());
    return new Created(business.id(), secret);
  }

  /** Replaces a console business's settings; the form secret stays unless the change sets one. */
  public synchronized void update(String id, Map<String, Object> json, String who) {
    if (directory.isConfigured(id)) {
      throw new RequestRejectedException(HttpStatus.CONFLICT, "business " + id
          + " comes from the configuration (the businesses file): change it there");
    }
    if (!store.isStored(id)) {
      throw new RequestRejectedException(HttpStatus.NOT_FOUND, "no business " + id);
    }
    Map<String, Object> settings = new LinkedHashMap<>(json);
    settings.put("id", id);
    if (settings.get("formSecret") == null) {
      Object kept = store.settingsOf(id).get("formSecret");
      if (kept != null) {
        settings.put("formSecret", kept);
      }
    }
    Business business = checked(settings);
    directory.byTwilioNumber(business.twilioNumber()).filter(owner -> !owner.id().equals(id)).ifPresent(owner -> {
      throw new RequestRejectedException(HttpStatus.CONFLICT, "twilio-number is " + owner.id() + "'s already");
    });
    store.save(id, settings, "updated", who);
    directory.put(business, true).ifPresent(conflict -> {
      throw new RequestRejectedException(HttpStatus.CONFLICT, conflict);
    });
    LOG.info("{} changed business {}", who, id);
  }

  private Business checked(Map<String, Object> settings) {
    List<String> problems = new ArrayList<>();
    Optional<Business> business;
    try {
      business = directory.check(BusinessJson.bind(settings), problems);
    } catch (IllegalArgumentException e) {
      throw new BusinessRefusedException(List.of(e.getMessage()));
    }
    return business.orElseThrow(() -> new BusinessRefusedException(problems));
  }
}

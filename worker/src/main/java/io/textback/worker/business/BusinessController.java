package io.textback.worker.business;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Businesses added and changed without the YAML (an admin's): {@code POST /api/businesses} (the
 * form secret is answered once), {@code PUT /api/businesses/{id}}, {@code POST /api/businesses/check}
 * (the rules, as the settings are typed), {@code GET /api/businesses/{id}/changes} (who changed what).
 */
@RestController
public class BusinessController {
  private final BusinessChanges changes;
  private final BusinessStore store;
  private final BusinessDirectory directory;

  public BusinessController(BusinessChanges changes, BusinessStore store, BusinessDirectory directory) {
    this.changes = changes;
    this.store = store;
    this.directory = directory;
  }

  @PostMapping("/api/businesses")
  public ResponseEntity<BusinessChanges.Created> create(@RequestBody Map<String, Object> settings, Principal admin) {
    return ResponseEntity.status(HttpStatus.CREATED).body(changes.create(settings, admin.getName()));
  }

  @PutMapping("/api/businesses/{id}")
  public Map<String, Object> update(@PathVariable String id, @RequestBody Map<String, Object> settings, Principal admin) {
    changes.update(id, settings, admin.getName());
    return Map.of("id", id, "updated", true);
  }

  @PostMapping("/api/businesses/check")
  public Map<String, List<String>> check(@RequestBody Map<String, Object> settings) {
    return Map.of("problems", changes.problems(settings));
  }

  /** A console business's settings as written (the form secret left out), for editing. */
  @GetMapping("/api/businesses/{id}")
  public Map<String, Object> settings(@PathVariable String id) {
    directory.requireForRequest(id);
    if (directory.isConfigured(id)) {
      throw new io.textback.worker.web.RequestRejectedException(HttpStatus.CONFLICT, "business " + id
          + " comes from the configuration (the businesses file): its settings are there");
    }
    Map<String, Object> settings = new java.util.LinkedHashMap<>(store.settingsOf(id));
    settings.remove("formSecret");
    return settings;
  }

  @GetMapping("/api/businesses/{id}/changes")
  public List<BusinessStore.Change> changes(@PathVariable String id) {
    directory.requireForRequest(id);
    return store.changes(id);
  }

  @ExceptionHandler(BusinessRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(BusinessRefusedException e) {
    org.slf4j.LoggerFactory.getLogger(BusinessController.class).warn("Business refused: {}", e.getMessage());
    return ResponseEntity.unprocessableEntity().body(Map.of("error", "the business breaks these rules", "problems", e.problems()));
  }
}

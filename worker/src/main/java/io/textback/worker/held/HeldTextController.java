package io.textback.worker.held;

import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.sms.JdbcSmsOutbox.HeldText;
import io.textback.worker.web.RequestRejectedException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/held-texts}: the first texts the hourly caps hold, and an admin's release or discard
 * of one ({@code POST /api/held-texts/{idempotencyKey}/release} or {@code .../discard}).
 */
@RestController
public class HeldTextController {
  private final HeldTexts held;
  private final BusinessDirectory businesses;
  private final io.textback.worker.security.BusinessAccess access;

  private List<String> visibleIds() {
    return access.visible(businesses.all()).stream().map(io.textback.worker.business.Business::id).toList();
  }

  public HeldTextController(HeldTexts held, BusinessDirectory businesses, io.textback.worker.security.BusinessAccess access) {
    this.access = access;
    this.held = held;
    this.businesses = businesses;
  }

  @GetMapping("/api/held-texts")
  public Map<String, List<HeldText>> list() {
    return Map.of("held", held.of(visibleIds()));
  }

  @PostMapping("/api/held-texts/{key}/{decision}")
  public HeldText decide(@PathVariable String key, @PathVariable String decision, Principal admin) {
    if (!decision.equals("release") && !decision.equals("discard")) {
      throw new RequestRejectedException(HttpStatus.NOT_FOUND, "a held text is released or discarded: POST "
          + "/api/held-texts/{key}/release or /discard");
    }
    // another business's held text is answered as one that does not exist
    if (!access.canSee(held.businessOf(key).orElse(""))) {
      throw new RequestRejectedException(HttpStatus.NOT_FOUND, "no held text " + key);
    }
    return held.decide(key, decision.equals("release"), admin.getName()).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.CONFLICT, "no held text " + key
            + " (released, discarded or dropped already, or never held)"));
  }
}

package io.textback.worker.crm.hubspot;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin command that connects the HubSpot inboxes (idempotent; safe to run again). */
@RestController
public class HubSpotSetupController {
  private final HubSpotChannelSetup setup;

  public HubSpotSetupController(HubSpotChannelSetup setup) {
    this.setup = setup;
  }

  @PostMapping("/api/admin/hubspot/channel")
  public HubSpotChannelSetup.Report connect() {
    return setup.connect();
  }
}

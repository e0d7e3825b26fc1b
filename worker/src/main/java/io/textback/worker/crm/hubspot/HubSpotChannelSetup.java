package io.textback.worker.crm.hubspot;

import io.textback.connector.hubspot.api.HubSpotClient;
import io.textback.connector.hubspot.api.HubSpotClientFactory;
import io.textback.connector.hubspot.api.HubSpotDeveloperApi;
import io.textback.connector.hubspot.api.HubSpotModel.Channel;
import io.textback.connector.hubspot.api.HubSpotModel.ChannelAccount;
import io.textback.connector.hubspot.api.HubSpotModel.DeliveryIdentifier;
import io.textback.connector.hubspot.api.HubSpotModel.Inbox;
import io.textback.worker.TextbackProperties;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the SMS thread in each business's HubSpot inbox: registers textback's custom channel once
 * for the app (developer API key), then connects each business's Twilio number to an inbox of its
 * portal. Idempotent: what exists is found and kept. Runs at start when
 * {@code textback.hubspot.connect-channel-at-start} is set, or on an admin's request.
 */
@Component
public class HubSpotChannelSetup {
  private static final Logger LOG = LoggerFactory.getLogger(HubSpotChannelSetup.class);
  private final BusinessDirectory businesses;
  private final ConfiguredHubSpotPortals portals;
  private final TextbackProperties properties;
  private final HubSpotProperties hubspot;

  public HubSpotChannelSetup(BusinessDirectory businesses, ConfiguredHubSpotPortals portals, TextbackProperties properties,
      HubSpotProperties hubspot) {
    this.businesses = businesses;
    this.portals = portals;
    this.properties = properties;
    this.hubspot = hubspot;
  }

  /** What was done for one business; {@code advice} says what to set when the configuration differs. */
  public record BusinessReport(String business, String channelId, String channelAccountId, String inboxId,
      String action, String advice) {}

  public record Report(String channelId, String channelAction, List<BusinessReport> businesses) {}

  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    if (hubspot.hubspot().connectChannelAtStart()) {
      Report report = connect();
      LOG.info("HubSpot channel {} ({}): {}", report.channelId(), report.channelAction(), report.businesses());
    }
  }

  public Report connect() {
    HubSpotProperties.Global h = hubspot.hubspot();
    String channelId = null;
    String channelAction;
    if (isSet(h.developerApiKey()) && isSet(h.appId())) {
      HubSpotDeveloperApi developer = HubSpotClientFactory.developer(portals.settings());
      Optional<Channel> existing = developer.channels(h.appId(), h.developerApiKey()).results().stream()
          .filter(c -> h.channelName().equals(c.name())).findFirst();
      if (existing.isPresent()) {
        channelId = existing.get().id();
        channelAction = "found";
      } else {
        channelId = developer.register(h.appId(), h.developerApiKey(), new Channel(null, h.channelName(),
            properties.publicBaseUrl() + HubSpotWebhookController.CHANNEL_PATH,
            "SMS through textback's Twilio numbers: missed-call text-backs, web-form replies, and your answers.",
            Map.of("deliveryIdentifierTypes", List.of("HS_PHONE_NUMBER"), "threadingModel", "DELIVERY_IDENTIFIER",
                "allowOutgoingMessages", true, "allowConversationStart", true, "allowMultipleRecipients", false,
                "richText", List.of(), "allowInlineImages", false))).id();
        channelAction = "registered";
      }
    } else {
      channelAction = "configured";
    }
    List<BusinessReport> reports = new ArrayList<>();
    for (Business business : businesses.all()) {
      Optional<HubSpotProperties.Portal> settings = portals.settingsOf(business).filter(HubSpotProperties.Portal::enabled);
      if (settings.isEmpty()) {
        continue;
      }
      String channel = channelId != null ? channelId : settings.get().channelId();
      reports.add(connect(business, channel));
    }
    return new Report(channelId, channelAction, reports);
  }

  private BusinessReport connect(Business business, String channelId) {
    HubSpotProperties.Portal h = portals.settingsOf(business).orElseThrow();
    if (!isSet(channelId)) {
      return new BusinessReport(business.id(), null, null, null, "skipped",
          "no channel: set textback.hubspot.developer-api-key and app-id, or this business's hubspot.channel-id");
    }
    try {
      HubSpotClient client = portals.clientFor(business.id()).orElseThrow();
      Optional<ChannelAccount> connected = client.channelAccounts(channelId).stream()
          .filter(a -> a.deliveryIdentifier() != null && business.twilioNumber().equals(a.deliveryIdentifier().value()))
          .findFirst();
      ChannelAccount account;
      String action;
      if (connected.isPresent()) {
        account = connected.get();
        action = "already connected";
      } else {
        String inboxId = isSet(h.inboxId()) ? h.inboxId()
            : client.inboxes().stream().map(Inbox::id).findFirst().orElseThrow(() ->
                new IllegalStateException("the portal has no inbox to connect to"));
        account = client.connectAccount(channelId, new ChannelAccount(null, business.name() + " SMS", inboxId, true,
            new DeliveryIdentifier("HS_PHONE_NUMBER", business.twilioNumber())));
        action = "connected";
      }
      List<String> advice = new ArrayList<>();
      if (!channelId.equals(h.channelId())) {
        advice.add("set hubspot.channel-id=" + channelId);
      }
      if (!account.id().equals(h.channelAccountId())) {
        advice.add("set hubspot.channel-account-id=" + account.id());
      }
      LOG.info("HubSpot inbox for {} ({}): {} as channel account {}", business.id(),
          PhoneNumbers.mask(business.twilioNumber()), action, account.id());
      return new BusinessReport(business.id(), channelId, account.id(), account.inboxId(), action,
          advice.isEmpty() ? null : String.join("; ", advice) + " for business " + business.id());
    } catch (RuntimeException e) {
      LOG.warn("HubSpot inbox for {} not connected: {}", business.id(), e.getMessage());
      return new BusinessReport(business.id(), channelId, null, null, "failed", e.getMessage());
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}

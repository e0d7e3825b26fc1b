package io.textback.crm;

import java.util.Optional;

/**
 * Which business a CRM's webhook is for: by the CRM account it names (HubSpot's portal, HighLevel's
 * location) or by the inbox channel it names (HubSpot's channel account, HighLevel's conversation
 * provider). Empty when no business is connected to it: the webhook is refused, not guessed.
 */
public interface CrmAccounts {
  CrmKind crm();

  Optional<String> businessOfAccount(String accountId);

  Optional<String> businessOfChannel(String channelId);
}

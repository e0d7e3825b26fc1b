package io.textback.worker.a2p;

import io.textback.connector.twilio.api.TwilioMessagingApi;
import io.textback.connector.twilio.api.TwilioMessagingApi.Campaign;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.sms.DeliveryErrors;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, through Twilio's Messaging API, whether each business number may text US leads: in a
 * Messaging Service with an approved A2P 10DLC campaign, or (toll-free) verified. Checked at start
 * (an unregistered US number is a loud warning: carriers block its texts, error 30034) and when
 * the console asks again; the last answer is kept.
 */
public class A2pReadiness {
  private static final Logger LOG = LoggerFactory.getLogger(A2pReadiness.class);
  private static final java.util.Set<String> TOLL_FREE = java.util.Set.of("800", "833", "844", "855", "866", "877", "888");
  private final TwilioMessagingApi messaging;
  private final BusinessDirectory businesses;
  private final Clock clock;
  private final Map<String, A2pStatus> last = new ConcurrentHashMap<>();

  public A2pReadiness(TwilioMessagingApi messaging, BusinessDirectory businesses, Clock clock) {
    this.messaging = messaging;
    this.businesses = businesses;
    this.clock = clock;
  }

  /** Asks Twilio for every business number, logs each that will not text, and keeps the answers. */
  public List<A2pStatus> checkAll() {
    Account account = new Account();
    List<A2pStatus> all = businesses.all().stream().map(b -> check(b.id(), b.twilioNumber(), account)).toList();
    for (A2pStatus s : all) {
      last.put(s.businessId(), s);
      if (s.isWarning()) {
        LOG.warn("A2P: {} number ending {} is {}: {}", s.businessId(), PhoneNumbers.mask(s.number()), s.state(), s.detail());
      } else {
        LOG.info("A2P: {} number ending {} is {}", s.businessId(), PhoneNumbers.mask(s.number()), s.state());
      }
    }
    return all;
  }

  /** The last answer for the business, if it was asked. */
  public Optional<A2pStatus> last(String businessId) {
    return Optional.ofNullable(last.get(businessId));
  }

  A2pStatus check(String businessId, String number) {
    return check(businessId, number, new Account());
  }

  private A2pStatus check(String businessId, String number, Account account) {
    Business business = new Business(businessId, number);
    if (!number.startsWith("+1")) {
      return status(business, "long code", A2pStatus.NOT_US, "A2P 10DLC registration is for US numbers", null);
    }
    boolean tollFree = TOLL_FREE.contains(number.substring(2, 5));
    try {
      return tollFree ? tollFree(business, account) : longCode(business, account);
    } catch (RuntimeException e) {
      return status(business, tollFree ? "toll-free" : "long code", A2pStatus.UNKNOWN, "Twilio's Messaging API did not answer ("
          + e.getClass().getSimpleName() + "): check again from the console", null);
    }
  }

  private A2pStatus longCode(Business business, Account account) {
    Optional<String> held = account.serviceHolding(business.number());
    if (held.isPresent()) {
      String sid = held.get();
      List<Campaign> campaigns = account.campaigns(sid);
      if (campaigns.stream().anyMatch(c -> "VERIFIED".equals(c.campaignStatus()))) {
        return status(business, "long code", A2pStatus.REGISTERED, "in Messaging Service " + sid
            + " with an approved A2P campaign", sid);
      }
      Optional<Campaign> failed = campaigns.stream().filter(c -> "FAILED".equals(c.campaignStatus())).findFirst();
      if (failed.isPresent()) {
        String why = failed.get().errors().stream().map(e -> e.errorCode() + (DeliveryErrors.explain(e.errorCode())
            .map(w -> ": " + w).orElse(e.description() == null ? "" : ": " + e.description())))
            .reduce((a, b) -> a + "; " + b).orElse("no reason given");
        return status(business, "long code", A2pStatus.REJECTED, "the A2P campaign was rejected (" + why + ")", sid);
      }
      if (!campaigns.isEmpty()) {
        return status(business, "long code", A2pStatus.PENDING, "the A2P campaign is under review ("
            + campaigns.get(0).campaignStatus() + "); carriers may block texts until it is approved", sid);
      }
      return status(business, "long code", A2pStatus.UNREGISTERED, "Messaging Service " + sid
          + " has no A2P campaign: " + DeliveryErrors.explain(30034).orElseThrow(), sid);
    }
    return status(business, "long code", A2pStatus.UNREGISTERED, "the number is in no Messaging Service: "
        + DeliveryErrors.explain(30034).orElseThrow(), null);
  }

  private A2pStatus tollFree(Business business, Account account) {
    return account.tollfreeVerifications().stream()
        .filter(v -> business.number().equals(v.tollfreePhoneNumber())).findFirst()
        .map(v -> switch (v.status() == null ? "" : v.status()) {
          case "TWILIO_APPROVED" -> status(business, "toll-free", A2pStatus.REGISTERED, "toll-free verification approved", null);
          case "TWILIO_REJECTED" -> status(business, "toll-free", A2pStatus.REJECTED, "toll-free verification rejected"
              + (v.rejectionReason() == null ? "" : ": " + v.rejectionReason()) + "; fix it and resubmit in Twilio", null);
          default -> status(business, "toll-free", A2pStatus.PENDING, "toll-free verification " + v.status()
              + "; texts may be blocked until it is approved", null);
        })
        .orElseGet(() -> status(business, "toll-free", A2pStatus.UNREGISTERED, DeliveryErrors.explain(30032).orElseThrow(), null));
  }

  private A2pStatus status(Business b, String kind, String state, String detail, String service) {
    return new A2pStatus(b.id(), b.number(), kind, state, detail, service, clock.instant());
  }

  /** The number being checked and the business it is for. */
  private record Business(String id, String number) {}

  /**
   * What one check reads from Twilio, each list once however many numbers it classifies: the
   * services and their numbers, each service's campaigns, the toll-free verifications.
   */
  private final class Account {
    private Map<String, String> serviceOfNumber;
    private final Map<String, List<Campaign>> campaigns = new java.util.HashMap<>();
    private List<TwilioMessagingApi.TollfreeVerification> tollFree;

    /** The first Messaging Service that holds the number, as Twilio lists them. */
    Optional<String> serviceHolding(String number) {
      if (serviceOfNumber == null) {
        Map<String, String> read = new java.util.HashMap<>();
        for (TwilioMessagingApi.Service service : messaging.services().services()) {
          messaging.phoneNumbers(service.sid()).phoneNumbers().forEach(p -> read.putIfAbsent(p.phoneNumber(), service.sid()));
        }
        serviceOfNumber = read;
      }
      return Optional.ofNullable(serviceOfNumber.get(number));
    }

    List<Campaign> campaigns(String serviceSid) {
      return campaigns.computeIfAbsent(serviceSid, sid -> messaging.campaigns(sid).compliance());
    }

    List<TwilioMessagingApi.TollfreeVerification> tollfreeVerifications() {
      if (tollFree == null) {
        tollFree = messaging.tollfreeVerifications().verifications();
      }
      return tollFree;
    }
  }
}

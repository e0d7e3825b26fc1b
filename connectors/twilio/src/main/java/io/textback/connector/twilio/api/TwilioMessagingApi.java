package io.textback.connector.twilio.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/**
 * Twilio Messaging v1 (messaging.twilio.com), read only: which Messaging Service holds a number,
 * and its US A2P 10DLC campaign, or a toll-free number's verification (twilio/twilio-oai
 * spec/json/twilio_messaging_v1.json @ d50069b4). One page of up to 1000 each: a small business
 * has a handful of services and numbers.
 */
public interface TwilioMessagingApi {
  @RequestLine("GET /v1/Services?PageSize=1000")
  Services services();

  @RequestLine("GET /v1/Services/{service}/PhoneNumbers?PageSize=1000")
  PhoneNumbers phoneNumbers(@Param("service") String serviceSid);

  @RequestLine("GET /v1/Services/{service}/Compliance/Usa2p?PageSize=1000")
  Campaigns campaigns(@Param("service") String serviceSid);

  @RequestLine("GET /v1/Tollfree/Verifications?PageSize=1000")
  TollfreeVerifications tollfreeVerifications();

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Services(List<Service> services) {
    public Services {
      services = services == null ? List.of() : services;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Service(String sid, @JsonProperty("friendly_name") String friendlyName, String usecase,
      @JsonProperty("us_app_to_person_registered") Boolean usAppToPersonRegistered) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PhoneNumbers(@JsonProperty("phone_numbers") List<PhoneNumber> phoneNumbers) {
    public PhoneNumbers {
      phoneNumbers = phoneNumbers == null ? List.of() : phoneNumbers;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PhoneNumber(String sid, @JsonProperty("phone_number") String phoneNumber) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Campaigns(List<Campaign> compliance) {
    public Campaigns {
      compliance = compliance == null ? List.of() : compliance;
    }
  }

  /** {@code campaignStatus}: a plain string in the spec; its examples are IN_PROGRESS, PENDING, VERIFIED, FAILED. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Campaign(String sid, @JsonProperty("campaign_status") String campaignStatus,
      @JsonProperty("campaign_id") String campaignId,
      @JsonProperty("us_app_to_person_usecase") String usecase, List<CampaignError> errors) {
    public Campaign {
      errors = errors == null ? List.of() : errors;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CampaignError(@JsonProperty("error_code") Integer errorCode, String description) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TollfreeVerifications(List<TollfreeVerification> verifications) {
    public TollfreeVerifications {
      verifications = verifications == null ? List.of() : verifications;
    }
  }

  /** {@code status}: PENDING_REVIEW, IN_REVIEW, TWILIO_APPROVED or TWILIO_REJECTED. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TollfreeVerification(String sid, String status, @JsonProperty("tollfree_phone_number") String tollfreePhoneNumber,
      @JsonProperty("rejection_reason") String rejectionReason, @JsonProperty("error_code") Integer errorCode) {}
}

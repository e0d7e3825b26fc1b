package io.textback.connector.twilio.api;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/** Twilio's Messages resource (2010-04-01 API), form-encoded, Basic auth. */
public interface TwilioMessagesApi {

  @RequestLine("POST /2010-04-01/Accounts/{accountSid}/Messages.json")
  @Headers("Content-Type: application/x-www-form-urlencoded")
  TwilioMessage create(@Param("accountSid") String accountSid, Map<String, ?> form);

  /** Filters: To, From, DateSent&gt; (a date, YYYY-MM-DD), PageSize. */
  @RequestLine("GET /2010-04-01/Accounts/{accountSid}/Messages.json")
  TwilioMessagePage list(@Param("accountSid") String accountSid, @QueryMap Map<String, Object> filters);
}

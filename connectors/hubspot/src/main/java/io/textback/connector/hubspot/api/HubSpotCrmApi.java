package io.textback.connector.hubspot.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotModel.CrmObject;
import io.textback.connector.hubspot.api.HubSpotModel.CrmObjectInput;
import io.textback.connector.hubspot.api.HubSpotModel.SearchRequest;
import io.textback.connector.hubspot.api.HubSpotModel.SearchResponse;

/**
 * HubSpot CRM objects, on the date-versioned paths HubSpot publishes for them (2026-03: the CRM
 * object specs, shared/reference/specs/hubspot). Deals are object 0-3, as the deals spec writes them.
 */
@Headers("Content-Type: application/json")
public interface HubSpotCrmApi {
  /** The CRM objects API's version; a move to another date is a change to these paths and bodies. */
  String VERSION = "2026-03";

  @RequestLine("POST /crm/objects/" + VERSION + "/contacts/search")
  SearchResponse searchContacts(SearchRequest request);

  @RequestLine("POST /crm/objects/" + VERSION + "/contacts")
  CrmObject createContact(CrmObjectInput input);

  @RequestLine("PATCH /crm/objects/" + VERSION + "/contacts/{id}")
  CrmObject updateContact(@Param("id") String id, CrmObjectInput input);

  @RequestLine("POST /crm/objects/" + VERSION + "/calls")
  CrmObject createCall(CrmObjectInput input);

  @RequestLine("POST /crm/objects/" + VERSION + "/0-3")
  CrmObject createDeal(CrmObjectInput input);

  @RequestLine("POST /crm/objects/" + VERSION + "/tasks")
  CrmObject createTask(CrmObjectInput input);

  @RequestLine("POST /crm/objects/" + VERSION + "/communications")
  CrmObject createCommunication(CrmObjectInput input);
}

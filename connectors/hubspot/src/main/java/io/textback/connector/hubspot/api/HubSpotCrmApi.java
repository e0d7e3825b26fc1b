package io.textback.connector.hubspot.api;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.hubspot.api.HubSpotModel.CrmObject;
import io.textback.connector.hubspot.api.HubSpotModel.CrmObjectInput;
import io.textback.connector.hubspot.api.HubSpotModel.SearchRequest;
import io.textback.connector.hubspot.api.HubSpotModel.SearchResponse;

/** HubSpot CRM objects on the date-versioned paths ({version} = e.g. 2026-03). Deals are object 0-3. */
@Headers("Content-Type: application/json")
public interface HubSpotCrmApi {
  @RequestLine("POST /crm/objects/{version}/contacts/search")
  SearchResponse searchContacts(@Param("version") String version, SearchRequest request);

  @RequestLine("POST /crm/objects/{version}/contacts")
  CrmObject createContact(@Param("version") String version, CrmObjectInput input);

  @RequestLine("PATCH /crm/objects/{version}/contacts/{id}")
  CrmObject updateContact(@Param("version") String version, @Param("id") String id, CrmObjectInput input);

  @RequestLine("POST /crm/objects/{version}/calls")
  CrmObject createCall(@Param("version") String version, CrmObjectInput input);

  @RequestLine("POST /crm/objects/{version}/0-3")
  CrmObject createDeal(@Param("version") String version, CrmObjectInput input);

  @RequestLine("POST /crm/objects/{version}/tasks")
  CrmObject createTask(@Param("version") String version, CrmObjectInput input);

  @RequestLine("POST /crm/objects/{version}/communications")
  CrmObject createCommunication(@Param("version") String version, CrmObjectInput input);
}

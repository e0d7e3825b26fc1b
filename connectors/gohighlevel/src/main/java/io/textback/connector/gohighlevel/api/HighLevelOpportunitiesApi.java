package io.textback.connector.gohighlevel.api;

import feign.Headers;
import feign.RequestLine;
import io.textback.connector.gohighlevel.api.HighLevelModel.OpportunityInput;
import io.textback.connector.gohighlevel.api.HighLevelModel.OpportunityResult;

/** Opportunities in the location's pipelines (apps/opportunities.json; Version 2021-07-28). */
@Headers({"Content-Type: application/json", "Accept: application/json", "Version: " + HighLevelOpportunitiesApi.VERSION})
public interface HighLevelOpportunitiesApi {
  String VERSION = "2021-07-28";

  @RequestLine("POST /opportunities/")
  OpportunityResult create(OpportunityInput opportunity);
}

-- Each CRM account's request budget (a HubSpot portal's requests per second, a HighLevel location's
-- per second and per day), counted here so that the limit holds for all workers together: one row
-- per key and window, its count taken only while under the limit.
create table crm_request_budget (
  bucket text not null,
  window_start bigint not null,
  used int not null,
  expires_at timestamptz not null,
  primary key (bucket, window_start)
);
create index crm_request_budget_expires on crm_request_budget (expires_at);

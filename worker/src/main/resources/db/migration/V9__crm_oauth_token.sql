-- A CRM account's OAuth tokens (a HighLevel location's, from the marketplace app's install): the
-- access token expires in about a day and each refresh returns a new refresh token, so both are kept
-- here, shared by every worker, and refreshed by one worker at a time.
create table crm_oauth_token (
  crm text not null,
  account_id text not null,
  access_token text not null,
  refresh_token text not null,
  expires_at timestamptz not null,
  scope text,
  updated_at timestamptz not null default now(),
  primary key (crm, account_id)
);

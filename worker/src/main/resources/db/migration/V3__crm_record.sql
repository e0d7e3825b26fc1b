-- What textback wrote to HubSpot, per business and journey step ("CA123:call-log", "contact:+1555..."):
-- a retried job finds the id instead of creating a second call, deal or task; the contact rows are
-- the phone -> contact id cache.
create table crm_record (
  business_id text        not null,
  record_key  text        not null,
  hubspot_id  text        not null,
  created_at  timestamptz not null default now(),
  primary key (business_id, record_key)
);

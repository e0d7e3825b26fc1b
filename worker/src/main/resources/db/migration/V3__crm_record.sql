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

-- Which lead a HubSpot deal belongs to, so a deal reaching the booked stage ends that lead's conversation.
create table crm_deal (
  deal_id     text primary key,
  business_id text        not null,
  lead_key    text        not null,
  created_at  timestamptz not null default now()
);

-- A record is claimed (PENDING, with a lease) before HubSpot is called and completed (DONE) after,
-- so no database connection is held while HubSpot answers or its rate limit makes us wait.
alter table crm_record alter column hubspot_id drop not null;
alter table crm_record add column status text not null default 'DONE';
alter table crm_record add column lease_until timestamptz;

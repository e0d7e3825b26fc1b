-- What gave consent to text each lead, and when (FCC and carriers ask for it: an A2P campaign review,
-- a complaint). One row per call, form or text that gave it; ConsentEvidence owns the table.
create table consent_evidence (
  id bigserial primary key,
  business_id text not null,
  phone text not null,
  source text not null,
  reference text not null,
  given_at timestamptz not null,
  words text,
  page text,
  consent_field text,
  unique (business_id, source, reference)
);
create index consent_evidence_lead on consent_evidence (business_id, phone);

-- Why a conversation waits for a person: a text that may revoke consent ("stop", "not interested").
alter table conversation add column review text;

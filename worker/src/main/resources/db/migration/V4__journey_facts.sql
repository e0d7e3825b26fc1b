-- One row per journey (a missed call or a web form), and the facts the steps record about it.
-- The reports and the console read only these two tables.
create table journey (
  journey_key       text primary key,       -- the CallSid or the form's submission id
  business_id       text        not null,
  channel           text        not null,   -- call, form
  phone             text,
  started_at        timestamptz not null,
  in_business_hours boolean     not null,
  variant           text                    -- the text-back copy variant (A, B) in a copy experiment
);
create index journey_business_started on journey (business_id, started_at);

create table journey_event (
  id          bigserial primary key,
  journey_key text        not null references journey (journey_key),
  kind        text        not null,  -- texted, not_texted, voicemail, reached, reply, human_reply, escalated, booked, opted_out
  reason      text,                  -- not_texted: why; reply: how many follow-ups had gone out; escalated: the level
  at          timestamptz not null,
  unique (journey_key, kind)         -- the first of each kind counts; a retried step records nothing twice
);

alter table conversation add column journey_key text;

-- Every webhook is stored here before anything else happens; event_key (the provider's id) makes a
-- repeat a no-op. The message to publish to Zeebe rides along until the relay has published it.
create table inbound_event (
  id                bigserial primary key,
  provider          text        not null,
  event_key         text        not null unique,
  kind              text        not null,
  payload           jsonb       not null,
  received_at       timestamptz not null default now(),
  message_name      text,
  correlation_key   text,
  message_id        text,
  message_ttl_ms    bigint,
  message_variables jsonb,
  published_at      timestamptz,
  publish_attempts  int         not null default 0,
  last_error        text,
  dead_at           timestamptz
);
create index inbound_event_to_publish on inbound_event (id)
  where published_at is null and dead_at is null and message_name is not null;
create index inbound_event_message on inbound_event (message_name, message_id);

-- One row per SMS step (journey + step = idempotency_key): the intent is written before Twilio is
-- called, the result after. A lease keeps two deliveries of the same job from sending at once.
create table sms_outbox (
  idempotency_key  text primary key,
  business_id      text,
  to_phone         text        not null,
  from_phone       text        not null,
  body             text        not null,
  status           text        not null default 'PENDING', -- PENDING, SENT, REFUSED
  attempts         int         not null default 0,
  first_attempt_at timestamptz,
  lease_until      timestamptz,
  message_sid      text,
  provider_status  text,
  reason           text,
  error_code       int,
  last_error       text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create unique index sms_outbox_message_sid on sms_outbox (message_sid) where message_sid is not null;

-- Our own opt-out list is the source of truth (Twilio's can differ). Per business, per number.
create table opt_out (
  business_id  text        not null,
  phone        text        not null,
  opted_out_at timestamptz not null default now(),
  source       text,
  primary key (business_id, phone)
);

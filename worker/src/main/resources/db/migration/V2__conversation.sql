-- One open conversation per (business, phone), across channels: the partial unique index is the rule.
create table conversation (
  id                   bigserial primary key,
  business_id          text        not null,
  phone                text        not null,
  lead_key             text        not null,
  channel              text        not null,
  state                text        not null default 'OPEN', -- OPEN, CLOSED
  outcome              text,                                -- Recovered, Booked, Opted out, No reply
  opened_at            timestamptz not null default now(),
  closed_at            timestamptz,
  first_reply_at       timestamptz,
  first_agent_reply_at timestamptz,
  repeat_calls         int         not null default 0,
  last_repeat_call_at  timestamptz
);
create unique index conversation_one_open on conversation (business_id, phone) where state = 'OPEN';
create index conversation_lead_key on conversation (lead_key, opened_at desc);

-- Every text in or out of a conversation (outbound ones also live in sms_outbox).
create table conversation_message (
  id              bigserial primary key,
  conversation_id bigint references conversation (id),
  business_id     text        not null,
  phone           text        not null,
  direction       text        not null, -- IN, OUT
  body            text        not null,
  provider_sid    text unique,
  kind            text        not null, -- reply, text-back, follow-up-1, follow-up-2, agent-reply, help
  created_at      timestamptz not null default now()
);

-- Delivery status from Twilio's status callbacks; only ever moves forward.
alter table sms_outbox add column delivery_status text;
alter table sms_outbox add column delivery_error_code int;
alter table sms_outbox add column delivery_updated_at timestamptz;

-- Numbers that cannot take SMS: from Twilio Lookup (cached) or from a delivery failure.
create table phone_line (
  phone        text primary key,
  line_type    text,
  textable     boolean     not null,
  reason       text,
  source       text        not null, -- lookup, delivery
  updated_at   timestamptz not null default now()
);

-- Escalations raised when the business did not answer in time.
create table escalation (
  id              bigserial primary key,
  conversation_id bigint      not null references conversation (id),
  level           int         not null,
  notified_phone  text,
  created_at      timestamptz not null default now(),
  unique (conversation_id, level)
);

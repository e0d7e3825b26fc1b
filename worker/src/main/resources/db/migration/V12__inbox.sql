-- The inbox: each call a lead made again during an open conversation (the first call is the journey),
-- and the indexes the inbox's list and its search by a form's name read.
create table conversation_call (
  call_sid        text primary key,
  conversation_id bigint      not null references conversation (id),
  reason          text,       -- why it was missed: no-answer, busy, voicemail...
  called_at       timestamptz not null default now()
);
create index conversation_call_conversation on conversation_call (conversation_id);
create index conversation_business_opened on conversation (business_id, opened_at desc);
create index conversation_message_conversation on conversation_message (conversation_id, id);
create index inbound_event_form_lead on inbound_event (correlation_key) where kind = 'form-submission';
create index inbound_event_voicemail on inbound_event (correlation_key) where kind = 'voicemail-left';

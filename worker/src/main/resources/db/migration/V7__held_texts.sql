-- First texts are capped per business and number range (SMS pumping); over the cap a text is HELD
-- until an admin releases or discards it. first_text marks the rows the caps count.
alter table sms_outbox add column first_text boolean not null default false;
alter table sms_outbox add column held_at timestamptz;
alter table sms_outbox add column released_at timestamptz;
alter table sms_outbox add column decided_by text;
create index sms_outbox_first_texts on sms_outbox (business_id, created_at) where first_text;
create index sms_outbox_held on sms_outbox (business_id, held_at) where status = 'HELD';
create index sms_outbox_to_phone on sms_outbox (business_id, to_phone) where status = 'SENT';
create index conversation_message_lead on conversation_message (business_id, phone) where direction = 'IN';

-- Web forms are counted per business and submitter address ("form:<business>:<address>"); over the
-- limit a form is refused with 429.
alter table inbound_event add column rate_key text;
create index inbound_event_rate_key on inbound_event (rate_key, received_at) where rate_key is not null;

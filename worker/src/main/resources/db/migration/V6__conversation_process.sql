-- The lead-conversation process instance behind each conversation, so one whose process is gone
-- (cancelled in Operate, or an engine that lost its state) can be found and closed.
alter table conversation add column process_instance_key bigint;

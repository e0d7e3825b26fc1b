-- The CRM records are no longer HubSpot's alone: each row names its CRM, and the id is the CRM's
-- own. Every row written so far is HubSpot's.
alter table crm_record rename column hubspot_id to external_id;
alter table crm_record add column crm text not null default 'hubspot';
alter table crm_record alter column crm drop default;
alter table crm_record drop constraint crm_record_pkey;
alter table crm_record add primary key (business_id, crm, record_key);

alter table crm_deal add column crm text not null default 'hubspot';
alter table crm_deal alter column crm drop default;
alter table crm_deal drop constraint crm_deal_pkey;
alter table crm_deal add primary key (crm, deal_id);

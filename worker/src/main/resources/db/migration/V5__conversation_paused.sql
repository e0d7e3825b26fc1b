-- A HubSpot user paused the automation for a lead (the CRM card's "Pause automation").
alter table conversation add column paused boolean not null default false;

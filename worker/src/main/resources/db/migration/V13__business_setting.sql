-- Businesses added in the console or through /api/businesses (those of the configuration stay there),
-- as the JSON they were written in, and who changed what, when.
create table business_setting (
  id         text primary key,
  settings   jsonb       not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text
);
create table business_change (
  id          bigserial primary key,
  business_id text        not null,
  change      text        not null, -- created, updated
  changed_by  text,
  changed_at  timestamptz not null default now(),
  settings    jsonb       not null  -- as written, the form secret left out
);
create index business_change_business on business_change (business_id, id);

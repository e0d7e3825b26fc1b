-- Console logins invited from the console (those of the configuration stay there), and their invites.
-- A password is kept only as Spring Security's hash ({bcrypt}...); an invite only as the SHA-256 of its token.
create table console_user (
  username      text primary key,
  password_hash text        not null,
  role          text        not null, -- ADMIN, MEMBER
  businesses    jsonb       not null default '[]',
  created_at    timestamptz not null default now(),
  invited_by    text
);
create table user_invite (
  token_hash text primary key,
  email      text        not null,
  role       text        not null,
  businesses jsonb       not null default '[]',
  created_by text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);

-- Crisis helplines per locale, as admins configure them. Versioned; the newest version is live.
-- Without any row the service uses the built-in directory.
create table helpline_config (
  version     int primary key check (version > 0),
  document    jsonb not null,            -- {"locales": {"en-US": [{"region", "name", "number", "note"}], ...}}
  created_at  timestamptz not null,
  created_by  text not null
);

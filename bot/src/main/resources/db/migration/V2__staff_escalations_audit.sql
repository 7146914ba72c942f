-- SPDX-License-Identifier: GPL-3.0-or-later
-- Staff accounts and sessions, crisis escalations, and the audit log of staff reads.

create table staff (
  id             uuid primary key,
  username       text not null unique,
  display_name   text not null,
  role           text not null check (role in ('therapist', 'admin', 'researcher')),
  password_hash  text not null,            -- pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>
  disabled       boolean not null default false,
  failed_logins  int not null default 0,
  locked_until   timestamptz,
  created_at     timestamptz not null
);

create table staff_session (
  token_hash   bytea primary key,          -- SHA-256 of the session token; the token is never stored
  staff_id     uuid not null references staff (id),
  csrf_token   text not null,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  revoked_at   timestamptz
);
create index staff_session_staff on staff_session (staff_id);

-- Exactly one escalation per crisis episode of a conversation.
create table escalation (
  id                uuid primary key,
  conversation_id   uuid not null references conversation (id),
  patient_id        uuid not null references patient (id),
  episode           int not null,
  level             text not null check (level in ('high', 'imminent')),
  signals           jsonb not null,
  detector_version  text not null,
  reason            text not null,
  status            text not null check (status in ('open', 'acknowledged', 'resolved')),
  created_at        timestamptz not null,
  sla_deadline      timestamptz not null,
  acknowledged_by   uuid references staff (id),
  acknowledged_at   timestamptz,
  resolved_by       uuid references staff (id),
  resolved_at       timestamptz,
  note_key_id       uuid references patient_key (id),
  note              bytea,                 -- the resolution note, sealed with the patient's data key
  unique (conversation_id, episode),
  check ((note is null) = (note_key_id is null))
);
create index escalation_status on escalation (status, created_at);

create table audit_log (
  id               bigserial primary key,
  at               timestamptz not null,
  actor            text not null,          -- a staff id, or 'system'
  role             text,
  action           text not null,          -- e.g. escalation.list, escalation.resolve, staff.login
  patient_id       uuid,
  conversation_id  uuid,
  target           text,
  detail           jsonb not null default '{}'::jsonb
);
create index audit_log_at on audit_log (at);
create index audit_log_patient on audit_log (patient_id, at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();

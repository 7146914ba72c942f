-- SPDX-License-Identifier: GPL-3.0-or-later
-- The therapist portal: two-step sign-in (TOTP) and which therapist cares for which patient.

-- An admin may require two-step sign-in for an account.
alter table staff add column totp_required boolean not null default false;

-- TOTP secrets, sealed under the master key (AES-256-GCM, bound to the staff id and the column).
create table staff_totp (
  staff_id               uuid primary key references staff (id),
  secret_master_key_id   text,
  secret                 bytea,            -- the confirmed secret: sign-in needs a code
  pending_master_key_id  text,
  pending                bytea,            -- a secret being enrolled, not yet confirmed
  confirmed_at           timestamptz,
  last_step              bigint not null default 0,  -- the last 30-second step used (no replay)
  check ((secret is null) = (secret_master_key_id is null)),
  check ((pending is null) = (pending_master_key_id is null))
);

-- A therapist sees the patients assigned to them, plus the on-call queue (escalations).
create table patient_assignment (
  patient_id   uuid not null references patient (id),
  staff_id     uuid not null references staff (id),
  assigned_by  uuid not null references staff (id),
  assigned_at  timestamptz not null,
  primary key (patient_id, staff_id)
);
create index patient_assignment_staff on patient_assignment (staff_id);
create index escalation_patient on escalation (patient_id, created_at);

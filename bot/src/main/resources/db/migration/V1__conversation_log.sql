-- SPDX-License-Identifier: GPL-3.0-or-later
-- The conversation as an append-only event log. No column holds patient or bot text in
-- plaintext: text-bearing fields are sealed (AES-256-GCM) with the patient's data key into
-- conversation_event.body. Destroying patient_key.wrapped_key crypto-shreds that content.

create table patient (
  id          uuid primary key,
  created_at  timestamptz not null,
  locale      text not null,
  status      text not null default 'active' check (status in ('active', 'erased'))
);

-- One data key per patient (more after a re-key), wrapped by a master key.
create table patient_key (
  id             uuid primary key,
  patient_id     uuid not null references patient (id),
  master_key_id  text not null,
  wrapped_key    bytea,                 -- null once crypto-shredded
  created_at     timestamptz not null,
  destroyed_at   timestamptz,
  check ((wrapped_key is null) = (destroyed_at is not null))
);
create index patient_key_patient on patient_key (patient_id);

create table conversation (
  id           uuid primary key,
  patient_id   uuid not null references patient (id),
  channel      text not null check (channel in ('web', 'telegram')),
  created_at   timestamptz not null,
  last_seq     bigint not null default 0,   -- highest seq in conversation_event
  handled_seq  bigint not null default 0,   -- last patient message whose turn has been decided
  state        jsonb not null default '{}'::jsonb  -- cache of the fold over the events; holds no free text
);
create index conversation_patient on conversation (patient_id);

create table webchat_session (
  id               uuid primary key,
  conversation_id  uuid not null unique references conversation (id),
  token_hash       bytea not null unique,   -- SHA-256 of the bearer token; the token itself is never stored
  created_at       timestamptz not null,
  last_seen_at     timestamptz not null
);

create table conversation_event (
  conversation_id    uuid not null references conversation (id),
  seq                bigint not null check (seq > 0),
  type               text not null,
  at                 timestamptz not null,
  client_message_id  uuid,                  -- idempotency key of a patient message
  in_reply_to        bigint,                -- bot messages: the patient message they answer
  key_id             uuid references patient_key (id),
  body               bytea,                 -- sealed JSON of the text-bearing fields
  data               jsonb not null default '{}'::jsonb,  -- the other fields; never free text
  primary key (conversation_id, seq),
  check ((body is null) = (key_id is null))
);
create unique index conversation_event_client_message
  on conversation_event (conversation_id, client_message_id) where client_message_id is not null;
create index conversation_event_reply on conversation_event (conversation_id, in_reply_to) where in_reply_to is not null;

-- The log is append-only: rows are never updated. (Erasure deletes whole conversations.)
create function conversation_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'conversation_event is append-only';
end $$;
create trigger conversation_event_no_update before update on conversation_event
  for each row execute function conversation_event_append_only();

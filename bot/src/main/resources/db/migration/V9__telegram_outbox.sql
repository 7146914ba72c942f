-- SPDX-License-Identifier: GPL-3.0-or-later
-- Durable outbound delivery for Telegram (docs/telegram.md §4, issue #20). Every message for a
-- Telegram chat is a row here, inserted in the transaction that writes it: a turn's replies, an
-- escalation's resolution, a therapist's message, a channel line ("I can only read text").
-- A worker claims the oldest unfinished row of each chat (for update skip locked), sends it, and
-- marks it sent; a row is never claimed while an older row of its chat is unfinished.
--
-- No text is copied here for the log's messages: seq points at the conversation_event whose sealed
-- text is sent. Channel lines that are not in the log carry their text sealed (AES-256-GCM, a key
-- derived from the master key, bound to ref) until they are sent, then body is dropped.

create table telegram_outbox (
  id               bigint generated always as identity primary key,  -- order within a chat
  ref              uuid not null unique,            -- the row's name in sealing and in logs
  conversation_id  uuid not null references conversation (id),
  chat_id          bigint not null,
  seq              bigint,                          -- the bot or therapist message of the log it sends
  priority         smallint not null,               -- 0 crisis, 1 therapist, 2 everything else
  state            text not null check (state in ('pending', 'sending', 'sent', 'failed')),
  parts_sent       int not null default 0,          -- a text over 4,096 characters goes as several messages
  calls            int not null default 0,          -- calls made to Telegram for it
  in_call          boolean not null default false,  -- set (committed) before a call, cleared after its answer
  next_attempt_at  timestamptz not null,
  owner            uuid,                            -- the instance holding it while 'sending'
  lease_until      timestamptz,                     -- renewed by the holder; expired = the holder is gone
  uncertain        boolean not null default false,  -- a holder died during a call: sent again (docs/telegram.md)
  error            text,                            -- 'failed': blocked, chat_not_found, too_long, rejected, gave_up, gone
  error_code       int,
  reported         boolean not null default false,  -- a failure counted and shown to staff (once, by any instance)
  created_at       timestamptz not null,
  finished_at      timestamptz,
  body             bytea,                           -- sealed JSON of a channel line (not in the log)
  check ((seq is null) = (body is not null) or state in ('sent', 'failed')),
  check (state <> 'sending' or owner is not null)
);
create unique index telegram_outbox_message on telegram_outbox (conversation_id, seq) where seq is not null;
-- the worker's claim: unfinished rows, by chat, in order
create index telegram_outbox_open on telegram_outbox (chat_id, id) where state in ('pending', 'sending');
-- failures not yet counted and shown to staff
create index telegram_outbox_unreported on telegram_outbox (id) where state = 'failed' and not reported;
-- the portal's delivery state of a conversation's messages
create index telegram_outbox_conversation on telegram_outbox (conversation_id, seq);

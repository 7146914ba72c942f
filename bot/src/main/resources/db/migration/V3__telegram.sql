-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Telegram channel (docs/telegram.md). A chat is a conversation; every update is recorded,
-- idempotently on (bot_id, update_id), before its offset is confirmed to Telegram.

create table telegram_chat (
  chat_id          bigint primary key,
  conversation_id  uuid not null unique references conversation (id),
  locale           text not null,            -- from the first update's language_code
  blocked          boolean not null default false,  -- the person blocked the bot: nothing is sent
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);

-- The raw update is kept only until it is handled: sealed (AES-256-GCM, a key derived from the
-- master key, bound to its update id) while 'received', deleted (body null) afterwards. Its text
-- lives on only in the conversation log, sealed with the patient's key.
create table telegram_update (
  bot_id        bigint not null,             -- the token's numeric prefix: update ids are per bot
  update_id     bigint not null,
  kind          text not null,               -- message, callback_query, my_chat_member, ... (never content)
  status        text not null check (status in ('received', 'done', 'ignored', 'failed')),
  received_at   timestamptz not null,
  handled_at    timestamptz,
  body          bytea,
  primary key (bot_id, update_id),
  check (status <> 'received' or body is not null)
);
create index telegram_update_pending on telegram_update (bot_id, update_id) where status = 'received';

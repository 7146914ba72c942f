-- SPDX-License-Identifier: GPL-3.0-or-later
-- Presence (issue #19): whether the patient has the web chat open now, and when they were last seen.
-- An instance with an open WebSocket for the conversation renews patient_online_until every 30 s
-- (a lease of 75 s), so a crashed instance's patients go offline by themselves; closing the last
-- socket sets it to now. Telegram conversations have no presence: their last message is the last seen.
alter table conversation add column patient_seen_at timestamptz;
alter table conversation add column patient_online_until timestamptz;

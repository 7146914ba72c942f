-- SPDX-License-Identifier: GPL-3.0-or-later
-- Alerts that reach a person (issue #19): an open escalation past its response deadline alerts the
-- backup contacts, exactly once per deadline. The watchdog claims a row by setting
-- overdue_alerted_for to the deadline it alerts for, in one update, so two instances never both send
-- it, and an escalation re-opened with a new deadline (a higher level after an acknowledgement) is
-- alerted again when that one passes.
alter table escalation add column overdue_alerted_for timestamptz;

-- Escalations already long overdue before this release are in the queue; do not page anyone for them now.
update escalation set overdue_alerted_for = sla_deadline
  where status = 'open' and sla_deadline < now() - interval '1 hour';

create index escalation_overdue on escalation (sla_deadline) where status = 'open';

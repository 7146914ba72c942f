-- SPDX-License-Identifier: GPL-3.0-or-later
-- Patient data rights and retention (docs/privacy.md). Erasure crypto-shreds a patient (their
-- patient_key rows lose wrapped_key) and deletes their events; the patient row stays as a
-- tombstone (status 'erased') so that audit facts and escalations keep a valid reference.

alter table patient add column erased_at timestamptz;

-- The retention job looks for sealed events (message text) older than the cut-off.
create index conversation_event_sealed_at on conversation_event (at) where body is not null;
-- ... and for the research consent of each patient.
create index conversation_event_consent on conversation_event (conversation_id, seq) where type = 'consent_recorded';
-- The last retention run is read from the audit log.
create index audit_log_action on audit_log (action, at);

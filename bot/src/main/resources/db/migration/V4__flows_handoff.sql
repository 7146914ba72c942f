-- Admin-editable dialogue flows, versioned; handoff requests in the escalation queue.

-- Every version of every flow. Published and retired versions are immutable: a conversation pinned
-- to a version can always finish it. At most one draft and one published version per flow.
create table flow_version (
  flow_id       text not null,
  version       int not null check (version > 0),
  status        text not null check (status in ('draft', 'published', 'retired')),
  document      jsonb not null,
  built_in      boolean not null,
  created_at    timestamptz not null,
  created_by    text not null,             -- a staff id, or 'system' for the shipped flows
  published_at  timestamptz,
  published_by  text,
  primary key (flow_id, version)
);
create unique index flow_one_published on flow_version (flow_id) where status = 'published';
create unique index flow_one_draft on flow_version (flow_id) where status = 'draft';

-- A patient may ask for a person (a flow's handoff node): the request joins the staff queue as an
-- escalation with a negative episode number (-1, -2, ... per conversation) and the level the
-- conversation had.
alter table escalation drop constraint escalation_level_check;
alter table escalation add constraint escalation_level_check
  check (level in ('none', 'low', 'medium', 'high', 'imminent'));

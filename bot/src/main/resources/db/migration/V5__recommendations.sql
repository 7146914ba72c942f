-- The coping-exercise catalog (versioned; the newest version is live) and what the recommender has
-- learned: one row for the population and one per patient (gone with the patient).

create table exercise_catalog (
  version     int primary key check (version > 0),
  document    jsonb not null,
  created_at  timestamptz not null,
  created_by  text not null              -- a staff id, or 'system' for the shipped catalog
);

create table recommender_state (
  scope       text primary key,          -- 'population' or 'patient:<uuid>'
  patient_id  uuid references patient (id) on delete cascade,
  layout      text not null,             -- the feature layout the sums were collected with
  state       jsonb not null,
  updated_at  timestamptz not null
);

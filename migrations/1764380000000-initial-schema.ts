import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, API keys, person records with their version history, and the audit log. */
export class InitialSchema1764380000000 implements MigrationInterface {
  name = 'InitialSchema1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        country char(2) NOT NULL CHECK (country IN ('MX', 'GT')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        key_prefix text NOT NULL UNIQUE,
        key_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'submitter', 'investigator', 'partner']),
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        expires_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE person_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('missing_report', 'suspected_victim')),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        country char(2) NOT NULL CHECK (country IN ('MX', 'GT')),
        source_record_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        content_hash text NOT NULL,
        given_names text,
        first_surname text,
        second_surname text,
        married_surname text,
        full_name text,
        name_source text NOT NULL CHECK (name_source IN ('parts', 'full_name', 'none')),
        aliases text[] NOT NULL DEFAULT '{}',
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
        nationality char(2),
        languages text[] NOT NULL DEFAULT '{}',
        language_codes jsonb NOT NULL DEFAULT '[]',
        height_cm real CHECK (height_cm BETWEEN 40 AND 250),
        weight_kg real CHECK (weight_kg BETWEEN 1 AND 400),
        build text,
        skin_tone text,
        hair_color text,
        eye_color text,
        marks jsonb NOT NULL DEFAULT '[]',
        documents jsonb NOT NULL DEFAULT '[]',
        date_of_birth text CHECK (date_of_birth ~ '^\\d{4}(-\\d{2}(-\\d{2})?)?$'),
        age_at_event smallint CHECK (age_at_event BETWEEN 0 AND 120),
        last_seen_date date,
        last_seen_place jsonb,
        circumstances text,
        condition text CHECK (condition IN ('alive', 'deceased')),
        estimated_age_min smallint CHECK (estimated_age_min BETWEEN 0 AND 120),
        estimated_age_max smallint CHECK (estimated_age_max BETWEEN 0 AND 120),
        found_date date,
        found_place jsonb,
        identification_case_id text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by_key_id uuid REFERENCES api_keys(id),
        updated_by_key_id uuid REFERENCES api_keys(id),
        CONSTRAINT person_records_victim_condition CHECK ((kind = 'suspected_victim') = (condition IS NOT NULL)),
        CONSTRAINT person_records_age_range CHECK (estimated_age_min IS NULL OR estimated_age_max IS NULL OR estimated_age_min <= estimated_age_max)
      )`);
    await q.query(`CREATE UNIQUE INDEX person_records_source ON person_records (organization_id, kind, source_record_id)`);
    await q.query(`CREATE INDEX person_records_kind_updated ON person_records (kind, updated_at, id)`);
    await q.query(`CREATE INDEX person_records_kind_country_updated ON person_records (kind, country, updated_at, id)`);
    await q.query(`
      CREATE TABLE record_versions (
        record_id uuid NOT NULL REFERENCES person_records(id),
        version integer NOT NULL,
        change_type text NOT NULL CHECK (change_type IN ('created', 'updated')),
        snapshot jsonb NOT NULL,
        changed_by_key_id uuid REFERENCES api_keys(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (record_id, version)
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_key_id uuid,
        organization_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        ip text,
        request_id text,
        details jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_key_id, at)`);
    // Append-only: the audit log and the version history refuse updates and deletes.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON record_versions FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE record_versions`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP TABLE person_records`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE organizations`);
  }
}

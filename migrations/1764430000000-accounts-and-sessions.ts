import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review console (issue 8): personal accounts, their server-side sessions, and a trigram name search.
 *
 * Each account owns one row of api_keys (its principal) that carries its organization, roles and scopes. That row
 * has no usable secret (its prefix cannot match the key format), so it can never be presented as a Bearer key; it
 * exists so that claims, decisions, notes, events and audit entries, which record a key id, record the person.
 */
export class AccountsAndSessions1764430000000 implements MigrationInterface {
  name = 'AccountsAndSessions1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_id uuid NOT NULL CONSTRAINT accounts_key_unique UNIQUE REFERENCES api_keys (id),
        email text NOT NULL,
        email_normalized text NOT NULL CONSTRAINT accounts_email_unique UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        first_failed_at timestamptz(3),
        locked_until timestamptz(3),
        last_sign_in_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by_key_id uuid,
        disabled_at timestamptz(3),
        disabled_by_key_id uuid
      )`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id),
        token_hash text NOT NULL CONSTRAINT sessions_token_unique UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        ended_at timestamptz(3),
        end_reason text
      )`);
    await q.query(`CREATE INDEX sessions_account ON sessions (account_id) WHERE ended_at IS NULL`);

    // Name search: accents folded, lower case, every name field and alias in one text, indexed by trigrams.
    // unaccent() is only STABLE (its dictionary could change); the wrapper names the dictionary, as its docs advise.
    await q.query(`
      CREATE FUNCTION cbmp_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, value))`);
    await q.query(`
      CREATE FUNCTION cbmp_search_name(given text, first text, second text, married text, full_name text, aliases text[])
        RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN cbmp_fold(coalesce(given, '') || ' ' || coalesce(first, '') || ' ' || coalesce(second, '') || ' ' ||
          coalesce(married, '') || ' ' || coalesce(full_name, '') || ' ' || coalesce(array_to_string(aliases, ' '), ''))`);
    // Stored, so that checking and ranking thousands of candidates (every Hernández) does not fold their names again.
    await q.query(`
      ALTER TABLE person_records ADD COLUMN search_name text NOT NULL
        GENERATED ALWAYS AS (cbmp_search_name(given_names, first_surname, second_surname, married_surname, full_name, aliases)) STORED`);
    await q.query(`CREATE INDEX person_records_name_trgm ON person_records USING gin (search_name gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX person_records_name_trgm`);
    await q.query(`ALTER TABLE person_records DROP COLUMN search_name`);
    await q.query(`DROP FUNCTION cbmp_search_name(text, text, text, text, text, text[])`);
    await q.query(`DROP FUNCTION cbmp_fold(text)`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE accounts`);
  }
}

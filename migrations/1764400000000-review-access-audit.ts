import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investigators' review workflow and access control: partner scopes on API keys, claims on alerts, the
 * `superseded` status, the append-only decision history and note thread, the `located` mark on missing reports,
 * and an index for the audit-log query.
 */
export class ReviewAccessAudit1764400000000 implements MigrationInterface {
  name = 'ReviewAccessAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN scopes text[] NOT NULL DEFAULT '{}'
          CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['records:read', 'records:write', 'alerts:read']),
        ADD COLUMN revoked_by_key_id uuid REFERENCES api_keys(id)`);

    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_status_check`);
    await q.query(`
      ALTER TABLE alerts
        ADD CONSTRAINT alerts_status_check
          CHECK (status IN ('pending', 'in_review', 'confirmed', 'rejected', 'needs_info', 'withdrawn', 'superseded')),
        ADD COLUMN claimed_by_key_id uuid REFERENCES api_keys(id),
        ADD COLUMN claimed_at timestamptz(3),
        ADD COLUMN claim_expires_at timestamptz(3),
        ADD COLUMN last_decision text CONSTRAINT alerts_last_decision_check CHECK (last_decision IN ('confirmed', 'rejected', 'needs_info')),
        ADD COLUMN superseded_by_alert_id uuid REFERENCES alerts(id),
        ADD CONSTRAINT alerts_claim_complete CHECK ((claimed_by_key_id IS NULL) = (claim_expires_at IS NULL))`);
    await q.query(`CREATE INDEX alerts_claimed ON alerts (claimed_by_key_id, claim_expires_at) WHERE claimed_by_key_id IS NOT NULL`);
    await q.query(`CREATE INDEX alerts_superseded_by ON alerts (superseded_by_alert_id) WHERE superseded_by_alert_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE alert_decisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts(id),
        review_round integer NOT NULL,
        decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'needs_info', 'reversed')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 5000),
        evidence_version integer NOT NULL,
        decided_by_key_id uuid NOT NULL REFERENCES api_keys(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        decided_at timestamptz(3) NOT NULL DEFAULT now(),
        reverses_decision_id bigint REFERENCES alert_decisions(id),
        CONSTRAINT alert_decisions_reversal CHECK ((decision = 'reversed') = (reverses_decision_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX alert_decisions_alert ON alert_decisions (alert_id, id)`);
    // A decision is reversed at most once.
    await q.query(`CREATE UNIQUE INDEX alert_decisions_reversed_once ON alert_decisions (reverses_decision_id) WHERE reverses_decision_id IS NOT NULL`);
    await q.query(`CREATE TRIGGER alert_decisions_append_only BEFORE UPDATE OR DELETE ON alert_decisions FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE alert_notes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts(id),
        author_key_id uuid NOT NULL REFERENCES api_keys(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX alert_notes_alert ON alert_notes (alert_id, id)`);
    await q.query(`CREATE TRIGGER alert_notes_append_only BEFORE UPDATE OR DELETE ON alert_notes FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    // located_by_alert_id names the confirmed alert; it has no foreign key so that person_records never blocks
    // TRUNCATE alerts (test resets), and the service sets and clears it in the confirming transaction.
    await q.query(`
      ALTER TABLE person_records
        ADD COLUMN located text CONSTRAINT person_records_located_check CHECK (located IN ('alive', 'deceased')),
        ADD COLUMN located_at timestamptz(3),
        ADD COLUMN located_by_alert_id uuid,
        ADD CONSTRAINT person_records_located_kind CHECK (located IS NULL OR kind = 'missing_report'),
        ADD CONSTRAINT person_records_located_complete CHECK ((located IS NULL) = (located_by_alert_id IS NULL))`);
    await q.query(`CREATE INDEX person_records_org ON person_records (organization_id, kind, updated_at, id)`);

    await q.query(`CREATE INDEX audit_log_at ON audit_log (id DESC)`);
    await q.query(`CREATE INDEX audit_log_action ON audit_log (action, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_action`);
    await q.query(`DROP INDEX audit_log_at`);
    await q.query(`DROP INDEX person_records_org`);
    await q.query(`
      ALTER TABLE person_records
        DROP CONSTRAINT person_records_located_complete, DROP CONSTRAINT person_records_located_kind,
        DROP COLUMN located_by_alert_id, DROP COLUMN located_at, DROP COLUMN located`);
    await q.query(`DROP TABLE alert_notes`);
    await q.query(`DROP TABLE alert_decisions`);
    await q.query(`UPDATE alerts SET status = 'withdrawn', status_reason = 'superseded (status removed by a migration revert)' WHERE status = 'superseded'`);
    await q.query(`
      ALTER TABLE alerts
        DROP CONSTRAINT alerts_claim_complete, DROP COLUMN superseded_by_alert_id, DROP COLUMN last_decision,
        DROP COLUMN claim_expires_at, DROP COLUMN claimed_at, DROP COLUMN claimed_by_key_id,
        DROP CONSTRAINT alerts_status_check,
        ADD CONSTRAINT alerts_status_check CHECK (status IN ('pending', 'in_review', 'confirmed', 'rejected', 'needs_info', 'withdrawn'))`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN revoked_by_key_id, DROP COLUMN scopes`);
  }
}

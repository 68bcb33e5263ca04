import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link to the human identification system and partner notifications: identification references on person
 * records, forensic sources on decisions and alerts, the transactional outbox of outgoing HTTP messages (forensic
 * comparison requests and partner webhooks), the append-only log of identification results, the seen-signature
 * table that refuses replays, and the partners' webhook subscriptions.
 */
export class IdentificationAndNotifications1764410000000 implements MigrationInterface {
  name = 'IdentificationAndNotifications1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person_records
        ADD COLUMN dna_sample_taken boolean,
        ADD COLUMN family_reference_samples boolean,
        ADD COLUMN fingerprint_record_ids text[]`);

    // Decisions by the forensic side (identification results) have no API key: their source says so.
    await q.query(`
      ALTER TABLE alert_decisions
        ALTER COLUMN decided_by_key_id DROP NOT NULL,
        ALTER COLUMN organization_id DROP NOT NULL,
        ADD COLUMN source text NOT NULL DEFAULT 'reviewer' CONSTRAINT alert_decisions_source_check CHECK (source IN ('reviewer', 'forensic')),
        ADD COLUMN identification_result_id uuid,
        ADD CONSTRAINT alert_decisions_source_complete CHECK (
          (source = 'reviewer' AND decided_by_key_id IS NOT NULL AND organization_id IS NOT NULL AND identification_result_id IS NULL)
          OR (source = 'forensic' AND identification_result_id IS NOT NULL))`);
    await q.query(`
      ALTER TABLE alerts
        ADD COLUMN forensic_result text CONSTRAINT alerts_forensic_result_check CHECK (forensic_result IN ('identified', 'excluded'))`);

    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        url text NOT NULL CHECK (url ~ '^https?://'),
        secret text NOT NULL CHECK (length(secret) >= 32),
        events text[] NOT NULL CHECK (cardinality(events) > 0 AND events <@ ARRAY['alert.raised', 'alert.decided', 'record.located']),
        active boolean NOT NULL DEFAULT true,
        created_by_key_id uuid REFERENCES api_keys(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        deactivated_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions (organization_id) WHERE active`);

    // alert_id has no foreign key, like person_records.located_by_alert_id: test resets truncate alerts.
    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('forensic_request', 'webhook')),
        event text NOT NULL,
        target text NOT NULL,
        subscription_id uuid REFERENCES webhook_subscriptions(id),
        alert_id uuid,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        locked_until timestamptz(3),
        last_attempt_at timestamptz(3),
        last_error text,
        last_status_code integer,
        delivered_at timestamptz(3),
        created_by_key_id uuid REFERENCES api_keys(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT outbox_messages_subscription CHECK ((kind = 'webhook') = (subscription_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at, created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_messages_alert ON outbox_messages (alert_id, created_at) WHERE alert_id IS NOT NULL`);
    await q.query(`CREATE INDEX outbox_messages_status ON outbox_messages (status, created_at DESC)`);

    await q.query(`
      CREATE TABLE identification_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system text NOT NULL,
        request_id uuid,
        identification_case_id text NOT NULL,
        missing_report_id uuid REFERENCES person_records(id),
        suspected_victim_id uuid REFERENCES person_records(id),
        alert_id uuid,
        result text NOT NULL CHECK (result IN ('identified', 'excluded', 'inconclusive')),
        method text NOT NULL CHECK (method IN ('DNA', 'fingerprint', 'dental', 'other')),
        result_date date NOT NULL,
        details text,
        outcome text NOT NULL,
        received_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX identification_results_alert ON identification_results (alert_id) WHERE alert_id IS NOT NULL`);
    await q.query(`CREATE INDEX identification_results_case ON identification_results (identification_case_id)`);
    await q.query(`CREATE TRIGGER identification_results_append_only BEFORE UPDATE OR DELETE ON identification_results FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    // Signatures of accepted inbound messages, kept beyond the timestamp tolerance: a replay hits the key.
    await q.query(`
      CREATE TABLE inbound_signatures (
        signature text PRIMARY KEY,
        system text NOT NULL,
        received_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inbound_signatures_received ON inbound_signatures (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbound_signatures`);
    await q.query(`DROP TABLE identification_results`);
    await q.query(`DROP TABLE outbox_messages`);
    await q.query(`DROP TABLE webhook_subscriptions`);
    await q.query(`ALTER TABLE alerts DROP COLUMN forensic_result`);
    // Forensic decisions cannot be expressed in the older schema: they go (the history is otherwise append-only).
    await q.query(`ALTER TABLE alert_decisions DISABLE TRIGGER alert_decisions_append_only`);
    await q.query(`DELETE FROM alert_decisions WHERE source = 'forensic'`);
    await q.query(`ALTER TABLE alert_decisions ENABLE TRIGGER alert_decisions_append_only`);
    await q.query(`
      ALTER TABLE alert_decisions
        DROP CONSTRAINT alert_decisions_source_complete, DROP COLUMN identification_result_id, DROP COLUMN source,
        ALTER COLUMN organization_id SET NOT NULL, ALTER COLUMN decided_by_key_id SET NOT NULL`);
    await q.query(`ALTER TABLE person_records DROP COLUMN fingerprint_record_ids, DROP COLUMN family_reference_samples, DROP COLUMN dna_sample_taken`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Matching runs, candidate-match alerts (one per report–victim pair) and the append-only alert history. */
export class MatchingRunsAndAlerts1764390000000 implements MigrationInterface {
  name = 'MatchingRunsAndAlerts1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mode text NOT NULL CHECK (mode IN ('incremental', 'full')),
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'api', 'demo')),
        schedule_slot timestamptz UNIQUE,
        model_version text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
        requested_by_key_id uuid REFERENCES api_keys(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        phase text,
        watermark_from timestamptz,
        watermark_to timestamptz,
        records_considered integer NOT NULL DEFAULT 0,
        reports_considered integer NOT NULL DEFAULT 0,
        victims_considered integer NOT NULL DEFAULT 0,
        pairs_by_rule jsonb NOT NULL DEFAULT '{}',
        pairs_compared integer NOT NULL DEFAULT 0,
        alerts_created integer NOT NULL DEFAULT 0,
        alerts_updated integer NOT NULL DEFAULT 0,
        alerts_withdrawn integer NOT NULL DEFAULT 0,
        alerts_reopened integer NOT NULL DEFAULT 0,
        timings_ms jsonb NOT NULL DEFAULT '{}',
        error text
      )`);
    await q.query(`CREATE INDEX matching_runs_started ON matching_runs (started_at DESC)`);
    await q.query(`CREATE INDEX matching_runs_succeeded ON matching_runs (watermark_to) WHERE status = 'succeeded'`);
    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        missing_report_id uuid NOT NULL REFERENCES person_records(id),
        suspected_victim_id uuid NOT NULL REFERENCES person_records(id),
        report_country char(2) NOT NULL,
        victim_country char(2) NOT NULL,
        cross_border boolean NOT NULL,
        minor boolean NOT NULL DEFAULT false,
        match_weight double precision NOT NULL,
        probability double precision NOT NULL,
        priority double precision NOT NULL,
        evidence jsonb NOT NULL,
        evidence_version integer NOT NULL DEFAULT 1,
        report_version integer NOT NULL,
        victim_version integer NOT NULL,
        model_version text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'in_review', 'confirmed', 'rejected', 'needs_info', 'withdrawn')),
        status_reason text,
        review_round integer NOT NULL DEFAULT 1,
        rejected_weight double precision,
        last_run_id uuid REFERENCES matching_runs(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT alerts_pair UNIQUE (missing_report_id, suspected_victim_id)
      )`);
    await q.query(`CREATE INDEX alerts_victim ON alerts (suspected_victim_id)`);
    // One index per queue order, matching it exactly (ties broken by id in the same direction).
    await q.query(`CREATE INDEX alerts_queue ON alerts (status, priority DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_priority ON alerts (priority DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_weight ON alerts (match_weight DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_created ON alerts (created_at, id)`);
    await q.query(`
      CREATE TABLE alert_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts(id),
        at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        run_id uuid REFERENCES matching_runs(id),
        actor_key_id uuid,
        from_status text,
        to_status text,
        match_weight double precision,
        evidence_version integer,
        reason text,
        details jsonb
      )`);
    await q.query(`CREATE INDEX alert_events_alert ON alert_events (alert_id, id)`);
    await q.query(`CREATE TRIGGER alert_events_append_only BEFORE UPDATE OR DELETE ON alert_events FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_events`);
    await q.query(`DROP TABLE alerts`);
    await q.query(`DROP TABLE matching_runs`);
  }
}

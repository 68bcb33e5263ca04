import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { VersionedRecord } from '../pipeline/match-session.js';

const COLUMNS = `id, kind, version, country, given_names, first_surname, second_surname, full_name, aliases, sex, nationality,
  languages, language_codes, height_cm, weight_kg, build, skin_tone, hair_color, eye_color, marks, documents,
  date_of_birth, age_at_event, to_char(last_seen_date, 'YYYY-MM-DD') AS last_seen_date, last_seen_place, condition,
  estimated_age_min, estimated_age_max, to_char(found_date, 'YYYY-MM-DD') AS found_date, found_place`;

interface Row {
  id: string;
  kind: 'missing_report' | 'suspected_victim';
  version: number;
  country: 'MX' | 'GT';
  given_names: string | null;
  first_surname: string | null;
  second_surname: string | null;
  full_name: string | null;
  aliases: string[];
  sex: 'female' | 'male' | 'unknown';
  nationality: string | null;
  languages: string[];
  language_codes: (string | null)[];
  height_cm: number | null;
  weight_kg: number | null;
  build: string | null;
  skin_tone: string | null;
  hair_color: string | null;
  eye_color: string | null;
  marks: VersionedRecord['marks'];
  documents: VersionedRecord['documents'];
  date_of_birth: string | null;
  age_at_event: number | null;
  last_seen_date: string | null;
  last_seen_place: VersionedRecord['lastSeenPlace'];
  condition: 'alive' | 'deceased' | null;
  estimated_age_min: number | null;
  estimated_age_max: number | null;
  found_date: string | null;
  found_place: VersionedRecord['foundPlace'];
}

function toFeatures(r: Row): VersionedRecord {
  return {
    id: r.id,
    kind: r.kind,
    version: r.version,
    country: r.country,
    givenNames: r.given_names,
    firstSurname: r.first_surname,
    secondSurname: r.second_surname,
    fullName: r.full_name,
    aliases: r.aliases,
    sex: r.sex,
    nationality: r.nationality,
    languages: r.languages,
    languageCodes: r.language_codes.filter((c): c is string => c !== null),
    heightCm: r.height_cm,
    weightKg: r.weight_kg,
    build: r.build,
    skinTone: r.skin_tone,
    hairColor: r.hair_color,
    eyeColor: r.eye_color,
    marks: r.marks,
    documents: r.documents,
    dateOfBirth: r.date_of_birth,
    ageAtEvent: r.age_at_event,
    lastSeenDate: r.last_seen_date,
    lastSeenPlace: r.last_seen_place,
    condition: r.condition,
    estimatedAgeMin: r.estimated_age_min,
    estimatedAgeMax: r.estimated_age_max,
    foundDate: r.found_date,
    foundPlace: r.found_place,
  };
}

/** Reads person records as the matching engine's features. Read-only; the engine never sees entities. */
@Injectable()
export class MatchFeaturesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The instant up to which every change is visible: now, or the start of the oldest transaction still open that
   * has written something, whichever is earlier (a record's updated_at is its transaction's start, so a transaction
   * committing later cannot stamp a row before this). One millisecond less covers the column's rounding.
   * Needs to see the service's own sessions in pg_stat_activity, which PostgreSQL allows for the same role.
   */
  async safeWatermark(): Promise<Date> {
    const [{ at }] = await this.dataSource.query(
      `SELECT least(now(), coalesce((SELECT min(xact_start) FROM pg_stat_activity
                                     WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()), now()))
              - interval '1 millisecond' AS at`,
    );
    return at as Date;
  }

  /** Records changed after `since` (all records when null). */
  async changedSince(since: Date | null): Promise<VersionedRecord[]> {
    const all: VersionedRecord[] = [];
    for await (const page of this.changedSincePages(since)) all.push(...page);
    return all;
  }

  /**
   * The same, a page at a time (keyset pagination by id), so that a caller that passes each page on never holds
   * every row: a first sync reads the whole table.
   */
  async *changedSincePages(since: Date | null, pageSize = 5_000): AsyncGenerator<VersionedRecord[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT ${COLUMNS} FROM person_records
         WHERE id > $1 ${since ? 'AND updated_at > $3' : ''} ORDER BY id LIMIT $2`,
        since ? [after, pageSize, since] : [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map(toFeatures);
      after = rows[rows.length - 1].id;
      if (rows.length < pageSize) return;
    }
  }

  async changedIdsSince(since: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM person_records WHERE updated_at > $1`, [since]);
    return rows.map((r) => r.id);
  }
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RecordKind, StoredDocument, StoredMark, StoredPlace } from './record.types.js';

const real = { type: 'real' as const, nullable: true };

/**
 * One homologated person record: a missing-person report or a suspected-victim record.
 * Text columns keep exactly what was sent; normalization lives only in derived columns.
 */
@Entity({ name: 'person_records' })
@Index(['organizationId', 'kind', 'sourceRecordId'], { unique: true })
export class PersonRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: RecordKind;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Registering jurisdiction. */
  @Column({ type: 'char', length: 2 })
  country: 'MX' | 'GT';

  @Column({ name: 'source_record_id', type: 'text' })
  sourceRecordId: string;

  @Column({ type: 'integer' })
  version: number;

  /** SHA-256 of the canonical submitted body: an identical resubmission changes nothing. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  // identity
  @Column({ name: 'given_names', type: 'text', nullable: true })
  givenNames: string | null;

  @Column({ name: 'first_surname', type: 'text', nullable: true })
  firstSurname: string | null;

  @Column({ name: 'second_surname', type: 'text', nullable: true })
  secondSurname: string | null;

  @Column({ name: 'married_surname', type: 'text', nullable: true })
  marriedSurname: string | null;

  @Column({ name: 'full_name', type: 'text', nullable: true })
  fullName: string | null;

  /** 'parts' when the submitter sent the name parts, 'full_name' when the service split fullName, 'none'. */
  @Column({ name: 'name_source', type: 'text' })
  nameSource: 'parts' | 'full_name' | 'none';

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'text' })
  sex: 'female' | 'male' | 'unknown';

  @Column({ type: 'char', length: 2, nullable: true })
  nationality: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  /** ISO 639-3 code per entry of `languages` (null where unknown). */
  @Column({ name: 'language_codes', type: 'jsonb', default: () => "'[]'" })
  languageCodes: (string | null)[];

  // body
  @Column({ name: 'height_cm', ...real })
  heightCm: number | null;

  @Column({ name: 'weight_kg', ...real })
  weightKg: number | null;

  @Column({ type: 'text', nullable: true })
  build: string | null;

  @Column({ name: 'skin_tone', type: 'text', nullable: true })
  skinTone: string | null;

  @Column({ name: 'hair_color', type: 'text', nullable: true })
  hairColor: string | null;

  @Column({ name: 'eye_color', type: 'text', nullable: true })
  eyeColor: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  marks: StoredMark[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents: StoredDocument[];

  // dates and places
  @Column({ name: 'date_of_birth', type: 'text', nullable: true })
  dateOfBirth: string | null;

  @Column({ name: 'age_at_event', type: 'smallint', nullable: true })
  ageAtEvent: number | null;

  @Column({ name: 'last_seen_date', type: 'date', nullable: true })
  lastSeenDate: string | null;

  @Column({ name: 'last_seen_place', type: 'jsonb', nullable: true })
  lastSeenPlace: StoredPlace | null;

  @Column({ type: 'text', nullable: true })
  circumstances: string | null;

  @Column({ type: 'text', nullable: true })
  condition: 'alive' | 'deceased' | null;

  @Column({ name: 'estimated_age_min', type: 'smallint', nullable: true })
  estimatedAgeMin: number | null;

  @Column({ name: 'estimated_age_max', type: 'smallint', nullable: true })
  estimatedAgeMax: number | null;

  @Column({ name: 'found_date', type: 'date', nullable: true })
  foundDate: string | null;

  @Column({ name: 'found_place', type: 'jsonb', nullable: true })
  foundPlace: StoredPlace | null;

  @Column({ name: 'identification_case_id', type: 'text', nullable: true })
  identificationCaseId: string | null;

  /** Identification references: suspected victims, whether a DNA sample was taken from the body or person. */
  @Column({ name: 'dna_sample_taken', type: 'boolean', nullable: true })
  dnaSampleTaken: boolean | null;

  /** Missing reports: whether family reference samples (DNA of relatives) exist. */
  @Column({ name: 'family_reference_samples', type: 'boolean', nullable: true })
  familyReferenceSamples: boolean | null;

  /** References of fingerprint records (either kind); null when not given. */
  @Column({ name: 'fingerprint_record_ids', type: 'text', array: true, nullable: true })
  fingerprintRecordIds: string[] | null;

  /** Missing reports only: set when an investigator confirms a match (alive or deceased, from the victim record). */
  @Column({ type: 'text', nullable: true })
  located: 'alive' | 'deceased' | null;

  @Column({ name: 'located_at', type: 'timestamptz', precision: 3, nullable: true })
  locatedAt: Date | null;

  @Column({ name: 'located_by_alert_id', type: 'uuid', nullable: true })
  locatedByAlertId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @Column({ name: 'updated_by_key_id', type: 'uuid', nullable: true })
  updatedByKeyId: string | null;
}

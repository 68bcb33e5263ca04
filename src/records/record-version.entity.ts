import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every version a record has had, as the API showed it then. Append-only. */
@Entity({ name: 'record_versions' })
export class RecordVersion {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ name: 'change_type', type: 'text' })
  changeType: 'created' | 'updated';

  @Column({ type: 'jsonb' })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb; TypeORM cannot type unknown values
  snapshot: Record<string, any>;

  @Column({ name: 'changed_by_key_id', type: 'uuid', nullable: true })
  changedByKeyId: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}

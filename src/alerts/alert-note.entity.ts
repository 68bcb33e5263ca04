import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only comment thread on an alert. */
@Entity({ name: 'alert_notes' })
export class AlertNote {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @Column({ name: 'author_key_id', type: 'uuid' })
  authorKeyId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}

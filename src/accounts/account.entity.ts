import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApiKey } from '../auth/api-key.entity.js';

/**
 * A person who signs in to the console. Organization, roles and scopes live on the account's own api_keys row
 * (`key`), which has no usable secret: everything that records a key id records this person.
 */
@Entity({ name: 'accounts' })
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'key_id', type: 'uuid', unique: true })
  keyId: string;

  @OneToOne(() => ApiKey, { eager: true })
  @JoinColumn({ name: 'key_id' })
  key: Relation<ApiKey>;

  /** As entered (shown back); sign-in compares `emailNormalized`. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'email_normalized', type: 'text', unique: true })
  emailNormalized: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** bcrypt hash (bcryptjs), never shown. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz', precision: 3, nullable: true })
  firstFailedAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', precision: 3, nullable: true })
  lastSignInAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', precision: 3, nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'disabled_by_key_id', type: 'uuid', nullable: true })
  disabledByKeyId: string | null;
}

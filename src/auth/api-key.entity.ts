import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';

export const ROLES = ['admin', 'submitter', 'investigator', 'partner'] as const;
export type Role = (typeof ROLES)[number];
/** What a partner key may do; only partner keys carry scopes (see docs/security.md). */
export const SCOPES = ['records:read', 'records:write', 'alerts:read', 'statistics'] as const;
export type Scope = (typeof SCOPES)[number];

/** An API key. Only a SHA-256 hash of the secret is stored; the secret is shown once, at creation. */
@Entity({ name: 'api_keys' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { eager: true })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<Organization>;

  /** Public part of the key, used to find it (not secret). */
  @Column({ name: 'key_prefix', type: 'text', unique: true })
  keyPrefix: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  scopes: Scope[];

  @Column({ type: 'text', nullable: true })
  label: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by_key_id', type: 'uuid', nullable: true })
  revokedByKeyId: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ConflictError } from '../common/errors.js';
import type { OrganizationDto } from './dto/create-organization.dto.js';
import { Organization } from './organization.entity.js';

const view = (o: Organization): OrganizationDto => ({ id: o.id, name: o.name, country: o.country, createdAt: o.createdAt.toISOString() });

/** Organizations (each belongs to one country): listed and created by administrators. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<OrganizationDto[]> {
    return (await this.dataSource.getRepository(Organization).find({ order: { name: 'ASC' } })).map(view);
  }

  async create(input: { name: string; country: 'MX' | 'GT' }, actor: Actor): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`organization:${input.name}`]);
      const repo = manager.getRepository(Organization);
      if (await repo.exists({ where: { name: input.name } })) {
        throw new ConflictError('An organization with this name exists', [{ field: 'name', reason: 'is already used by another organization' }]);
      }
      const saved = await repo.save(repo.create(input));
      await this.audit.record({ action: 'organization.created', entityType: 'organization', entityId: saved.id, details: { country: saved.country } }, actor, manager);
      return view(saved);
    });
  }
}

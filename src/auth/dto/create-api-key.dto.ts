import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { FieldError } from '../../common/errors.js';
import { ROLES, type Role, SCOPES, type Scope } from '../api-key.entity.js';

/**
 * What a key or an account is granted: its organization (created on first use of its name, with its country),
 * roles and, for partners only, scopes. Shared by API keys (systems) and accounts (people).
 */
export class GrantDto {
  @ApiProperty({ description: 'Organization name; created on first use', example: 'Comisión de Búsqueda de Chiapas' })
  @IsString()
  @Length(1, 200)
  organization: string;

  @ApiProperty({ enum: ['MX', 'GT'] })
  @IsIn(['MX', 'GT'], { message: 'must be one of: MX, GT' })
  country: 'MX' | 'GT';

  @ApiProperty({ enum: ROLES, isArray: true, example: ['investigator'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one role' })
  @IsIn(ROLES, { each: true, message: `each must be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({
    enum: SCOPES,
    isArray: true,
    description: 'With the partner role only, and required with it: what the partner may do (records:read, records:write, alerts:read, statistics)',
    example: ['records:write'],
  })
  @IsOptional()
  @IsArray()
  @IsIn(SCOPES, { each: true, message: `each must be one of: ${SCOPES.join(', ')}` })
  scopes?: Scope[];
}

/** Scopes go with the partner role and only with it: the errors of a grant, empty when it is consistent. */
export function grantErrors(grant: Pick<GrantDto, 'roles' | 'scopes'>, holder: 'key' | 'account'): FieldError[] {
  const partner = grant.roles.includes('partner');
  if (partner && !grant.scopes?.length) return [{ field: 'scopes', reason: `must name at least one scope for a partner ${holder}` }];
  if (!partner && grant.scopes?.length) return [{ field: 'scopes', reason: `are only for ${holder}s with the partner role` }];
  return [];
}

export class CreateApiKeyDto extends GrantDto {
  @ApiPropertyOptional({ description: 'A note for administrators (which system or person uses it)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;

  @ApiPropertyOptional({ description: 'Expiry as an ISO 8601 timestamp' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 timestamp' })
  expiresAt?: string;
}

export class CreatedApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The secret key. Shown only in this response.' }) key: string;
  @ApiProperty() organization: { id: string; name: string; country: 'MX' | 'GT' };
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: Scope[];
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
}

export class ApiKeyViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The public part of the key' }) keyPrefix: string;
  @ApiProperty() organization: { id: string; name: string; country: 'MX' | 'GT' };
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: Scope[];
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class ListApiKeysQueryDto {
  @ApiPropertyOptional({ description: 'Only the keys of this organization' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;
}

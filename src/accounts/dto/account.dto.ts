import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length, registerDecorator } from 'class-validator';
import { GrantDto } from '../../auth/dto/create-api-key.dto.js';
import { ROLES, type Role, SCOPES, type Scope } from '../../auth/api-key.entity.js';

/** bcrypt reads at most 72 bytes: longer passwords would be silently cut, so they are refused. */
function IsPassword(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be 12 to 72 bytes long (UTF-8)' },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && [...value].length >= 12 && Buffer.byteLength(value, 'utf8') <= 72,
      },
    });
}

export class CreateAccountDto extends GrantDto {
  @ApiProperty({ example: 'ana.lopez@comision.example' })
  @IsString()
  @IsEmail({}, { message: 'must be an email address' })
  @Length(3, 254)
  email: string;

  @ApiProperty({ description: '12 to 72 bytes; hashed with bcrypt, never stored or shown' })
  @IsString()
  @IsPassword()
  password: string;

  @ApiProperty({ description: 'The name shown on decisions, notes and claims', example: 'Ana López Tzoc' })
  @IsString()
  @Length(1, 120)
  displayName: string;
}

export class ListAccountsQueryDto {
  @ApiPropertyOptional({ description: 'Only the accounts of this organization' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;
}

export class SignInDto {
  @ApiProperty()
  @IsString()
  @Length(1, 254)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ description: '12 to 72 bytes' })
  @IsString()
  @IsPassword()
  newPassword: string;
}

class OrganizationRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['MX', 'GT'] }) country: 'MX' | 'GT';
}

export class AccountViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The account\'s principal: the id that claims, decisions, notes and the audit log record' }) keyId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: OrganizationRefDto }) organization: OrganizationRefDto;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: Scope[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastSignInAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set while the account is locked after failed sign-ins' }) lockedUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
}

export class SessionDto {
  @ApiProperty({ type: AccountViewDto }) account: AccountViewDto;
  @ApiProperty({ description: 'Send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE' }) csrfToken: string;
  @ApiProperty({ description: 'When the session ends at the latest' }) expiresAt: string;
}

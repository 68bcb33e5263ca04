import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Fiscalía contra la Trata de Personas' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ['MX', 'GT'] })
  @IsIn(['MX', 'GT'], { message: 'must be one of: MX, GT' })
  country: 'MX' | 'GT';
}

export class OrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['MX', 'GT'] }) country: 'MX' | 'GT';
  @ApiProperty() createdAt: string;
}

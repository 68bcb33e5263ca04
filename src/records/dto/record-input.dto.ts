import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BODY_REGION,
  BUILD,
  CONDITION,
  EYE_COLOR,
  HAIR_COLOR,
  MARK_TYPE,
  SEX,
  SIDE,
  SKIN_TONE,
} from '../../reference/vocabularies.js';
import { DOCUMENT_TYPES, type DocumentType } from '../../reference/identity-documents.js';

const oneOf = (values: readonly string[]) => ({ message: `must be one of: ${values.join(', ')}` });
const ISO2 = /^[A-Z]{2}$/;
const iso2Message = { message: 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. MX, GT' };
/** YYYY, YYYY-MM or YYYY-MM-DD. Calendar validity and "not in the future" are checked in record-rules. */
export const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const fullDateMessage = { message: 'must be a date as YYYY-MM-DD' };
const TEXT_MAX = 200;
const finite = [{ allowNaN: false, allowInfinity: false }, { message: 'must be a number' }] as const;
const between = (min: number, max: number, unit = '') => {
  const message = `must be between ${min} and ${max}${unit}`;
  return [Min(min, { message }), Max(max, { message })];
};
function Between(min: number, max: number, unit = ''): PropertyDecorator {
  return (target, key) => between(min, max, unit).forEach((d) => d(target, key));
}

export class PlaceDto {
  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country of the place', example: 'GT' })
  @Matches(ISO2, iso2Message)
  country: string;

  @ApiPropertyOptional({
    description: "Mexico: INEGI state code '01'–'32'; Guatemala: department code '01'–'22'",
    example: '09',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}$/, { message: 'must be a two-digit code' })
  admin1Code?: string;

  @ApiPropertyOptional({ description: 'State or department name as written by the submitter', example: 'Quetzaltenango' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  admin1?: string;

  @ApiPropertyOptional({ example: 'Salcajá' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  municipality?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber(...finite)
  @Between(-90, 90)
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber(...finite)
  @Between(-180, 180)
  lon?: number;

  @ApiPropertyOptional({ description: 'Free description of the place', example: 'Parque central' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  description?: string;
}

export class MarkDto {
  @ApiProperty({ enum: MARK_TYPE })
  @IsIn(MARK_TYPE, oneOf(MARK_TYPE))
  type: string;

  @ApiProperty({ enum: BODY_REGION })
  @IsIn(BODY_REGION, oneOf(BODY_REGION))
  bodyRegion: string;

  @ApiPropertyOptional({ enum: SIDE })
  @IsOptional()
  @IsIn(SIDE, oneOf(SIDE))
  side?: string;

  @ApiProperty({ example: 'rosa con el nombre "Lupita" en antebrazo izquierdo' })
  @IsString()
  @Length(1, 2000)
  description: string;
}


export class DocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES, oneOf(DOCUMENT_TYPES))
  type: DocumentType;

  @ApiProperty({ example: 'GOMC850612HCSNRR09' })
  @IsString()
  @Length(1, 40)
  number: string;

  @ApiPropertyOptional({ example: 'MX' })
  @IsOptional()
  @Matches(ISO2, iso2Message)
  issuingCountry?: string;
}

/** Fields shared by missing-person reports and suspected-victim records (the person profile). */
export class PersonProfileDto {
  @ApiProperty({
    description: "The submitter's own id for this record; resubmitting it updates the record",
    example: 'FGE-QRO-2026-00123',
  })
  @IsString()
  @Length(1, TEXT_MAX)
  sourceRecordId: string;

  @ApiPropertyOptional({ enum: ['MX', 'GT'], description: "Registering jurisdiction; defaults to the organization's country" })
  @IsOptional()
  @IsIn(['MX', 'GT'], oneOf(['MX', 'GT']))
  country?: 'MX' | 'GT';

  @ApiPropertyOptional({ description: 'Nombre(s)', example: 'María José' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  givenNames?: string;

  @ApiPropertyOptional({ description: 'Primer apellido (apellido paterno)', example: 'Peña' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  firstSurname?: string;

  @ApiPropertyOptional({ description: 'Segundo apellido (apellido materno)', example: 'Tzoc' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  secondSurname?: string;

  @ApiPropertyOptional({
    description: 'Full name as one string when the parts are not known apart; the service splits it',
    example: 'Juan de la Cruz Pérez',
  })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  fullName?: string;

  @ApiPropertyOptional({ type: [String], description: 'Nicknames and other names given (alias, apodos)', example: ['Chepe'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, TEXT_MAX, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ enum: SEX, default: 'unknown' })
  @IsOptional()
  @IsIn(SEX, oneOf(SEX))
  sex?: string;

  @ApiPropertyOptional({ example: 'GT' })
  @IsOptional()
  @Matches(ISO2, iso2Message)
  nationality?: string;

  @ApiPropertyOptional({ type: [String], example: ["K'iche'", 'Español'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ minimum: 40, maximum: 250, description: 'Estatura in centimetres' })
  @IsOptional()
  @IsNumber(...finite)
  @Between(40, 250, ' cm')
  heightCm?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 400, description: 'Peso in kilograms' })
  @IsOptional()
  @IsNumber(...finite)
  @Between(1, 400, ' kg')
  weightKg?: number;

  @ApiPropertyOptional({ enum: BUILD, description: 'Complexión' })
  @IsOptional()
  @IsIn(BUILD, oneOf(BUILD))
  build?: string;

  @ApiPropertyOptional({ enum: SKIN_TONE, description: 'Tez' })
  @IsOptional()
  @IsIn(SKIN_TONE, oneOf(SKIN_TONE))
  skinTone?: string;

  @ApiPropertyOptional({ enum: HAIR_COLOR, description: 'Color de cabello' })
  @IsOptional()
  @IsIn(HAIR_COLOR, oneOf(HAIR_COLOR))
  hairColor?: string;

  @ApiPropertyOptional({ enum: EYE_COLOR, description: 'Color de ojos' })
  @IsOptional()
  @IsIn(EYE_COLOR, oneOf(EYE_COLOR))
  eyeColor?: string;

  @ApiPropertyOptional({ type: [MarkDto], description: 'Señas particulares' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MarkDto)
  marks?: MarkDto[];

  @ApiPropertyOptional({ type: [DocumentDto], description: 'Identity documents; CURP and DPI check digits are verified' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents?: DocumentDto[];

  @ApiPropertyOptional({ description: 'Fecha de nacimiento: YYYY, YYYY-MM or YYYY-MM-DD', example: '1998-04' })
  @IsOptional()
  @IsString()
  @Matches(PARTIAL_DATE, { message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'References of fingerprint records (fichas decadactilares, AFIS) held for this person',
    example: ['AFIS-CHIS-2026-001234'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, TEXT_MAX, { each: true })
  fingerprintRecordIds?: string[];
}

export class MissingReportInputDto extends PersonProfileDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'Edad al momento de la desaparición' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of years' })
  @Between(0, 120)
  ageAtEvent?: number;

  @ApiPropertyOptional({ description: 'Fecha en que fue vista por última vez (YYYY-MM-DD)', example: '2026-03-14' })
  @IsOptional()
  @Matches(FULL_DATE, fullDateMessage)
  lastSeenDate?: string;

  @ApiPropertyOptional({ type: PlaceDto, description: 'Lugar donde fue vista por última vez' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  lastSeenPlace?: PlaceDto;

  @ApiPropertyOptional({ description: 'Circunstancias de la desaparición (free text)' })
  @IsOptional()
  @IsString()
  @Length(1, 10000)
  circumstances?: string;

  @ApiPropertyOptional({ description: 'Whether family reference samples (DNA of relatives) exist for comparison' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  familyReferenceSamples?: boolean;
}

export class SuspectedVictimInputDto extends PersonProfileDto {
  @ApiProperty({ enum: CONDITION, description: 'Found alive (con vida) or deceased (sin vida)' })
  @IsIn(CONDITION, oneOf(CONDITION))
  condition: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'Edad estimada mínima' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of years' })
  @Between(0, 120)
  estimatedAgeMin?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'Edad estimada máxima' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of years' })
  @Between(0, 120)
  estimatedAgeMax?: number;

  @ApiPropertyOptional({ description: 'Fecha de localización o hallazgo (YYYY-MM-DD)', example: '2026-05-02' })
  @IsOptional()
  @Matches(FULL_DATE, fullDateMessage)
  foundDate?: string;

  @ApiPropertyOptional({ type: PlaceDto, description: 'Lugar de localización o hallazgo' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  foundPlace?: PlaceDto;

  @ApiPropertyOptional({ description: 'Case reference in the human identification system', example: 'SNIH-2026-000451' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  identificationCaseId?: string;

  @ApiPropertyOptional({ description: 'Whether a DNA sample was taken from the body or the person' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  dnaSampleTaken?: boolean;
}

export type RecordInputDto = MissingReportInputDto | SuspectedVictimInputDto;

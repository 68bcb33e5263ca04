import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PARTNER_EVENTS, type PartnerEvent } from '../webhook-subscription.entity.js';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ description: 'The partner organization that receives the events (about its own records)' })
  @IsDefined({ message: 'is required' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @ApiProperty({ example: 'https://registro.example.gob.mx/hooks/cbmp' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  @Matches(/^https?:\/\/[^\s/?#]+\S*$/, { message: 'must be an http(s) URL' })
  url: string;

  @ApiProperty({ enum: PARTNER_EVENTS, isArray: true })
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be an array of event names' })
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayMaxSize(PARTNER_EVENTS.length, { message: `must name at most ${PARTNER_EVENTS.length} events` })
  @ArrayUnique({ message: 'must not repeat an event' })
  @IsIn(PARTNER_EVENTS, { each: true, message: `must each be one of: ${PARTNER_EVENTS.join(', ')}` })
  events: PartnerEvent[];
}

export class WebhookSubscriptionDto {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: PARTNER_EVENTS, isArray: true }) events: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) deactivatedAt: string | null;
}

export class CreatedWebhookSubscriptionDto extends WebhookSubscriptionDto {
  @ApiProperty({ description: 'The signing secret: shown once, never again' })
  secret: string;
}

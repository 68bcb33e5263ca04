import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OUTBOX_KINDS, OUTBOX_STATUSES } from '../outbox-message.entity.js';

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `must be one of: ${OUTBOX_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: OUTBOX_KINDS })
  @IsOptional()
  @IsIn(OUTBOX_KINDS, { message: `must be one of: ${OUTBOX_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  alertId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 500' })
  @Max(500, { message: 'must be between 1 and 500' })
  limit?: number;
}

export class DeliveryDto {
  @ApiProperty({ description: 'Also the Idempotency-Key of every attempt (and the requestId of a forensic request)' }) id: string;
  @ApiProperty({ enum: OUTBOX_KINDS }) kind: string;
  @ApiProperty({ example: 'forensic.request' }) event: string;
  @ApiProperty({ description: 'Identification system id, or "webhook"' }) target: string;
  @ApiProperty({ nullable: true, type: String }) subscriptionId: string | null;
  @ApiProperty({ nullable: true, type: String }) alertId: string | null;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'network: ECONNREFUSED' }) lastError: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty() createdAt: string;
}

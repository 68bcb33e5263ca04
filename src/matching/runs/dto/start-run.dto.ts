import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class StartRunDto {
  @ApiProperty({ enum: ['incremental', 'full'], description: 'incremental: records changed since the last successful run; full: everything (after a model change)' })
  @IsIn(['incremental', 'full'], { message: 'must be one of: incremental, full' })
  mode: 'incremental' | 'full';
}

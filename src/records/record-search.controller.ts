import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { SearchRecordsQueryDto } from './dto/record-query.dto.js';
import { RecordsService } from './records.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('api/v1/records')
export class RecordSearchController {
  constructor(private readonly records: RecordsService) {}

  @Get('search')
  @Roles('investigator', 'admin')
  @ApiOperation({
    summary: 'Find records of both sides by name or alias, tolerant of misspellings (PostgreSQL trigram word similarity, accents and case folded); best first, within the caller\'s scope',
  })
  search(@Query() query: SearchRecordsQueryDto, @CurrentActor() actor: Actor) {
    return this.records.search(query, actor);
  }
}

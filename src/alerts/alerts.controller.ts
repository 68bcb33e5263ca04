import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, PartnerScope, Roles } from '../auth/actor.js';
import { AlertReviewService } from './alert-review.service.js';
import { AlertsService } from './alerts.service.js';
import { ListAlertsQueryDto } from './dto/list-alerts-query.dto.js';
import { AddNoteDto, ClaimAlertDto, DecideAlertDto, ForensicRequestDto, ReverseDecisionDto } from './dto/review.dto.js';
import { AlertStateDto, AlertSummaryDto, DecisionResultDto, ForensicRequestsDto, NoteDto, NotesDto, ReversalResultDto } from './dto/review-responses.dto.js';
import { uuidParam } from '../common/pipes.js';

const HIDDEN = 'No such alert, or it is outside the caller\'s scope (existence is not revealed)';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly review: AlertReviewService,
  ) {}

  @Get()
  @Roles('investigator', 'admin', 'partner')
  @PartnerScope('alerts:read')
  @ApiOperation({ summary: 'The alert queue (alerts with a record of the caller\'s country; all for admins): filters, sort (-priority by default), cursor pagination' })
  list(@Query() query: ListAlertsQueryDto, @CurrentActor() actor: Actor) {
    return this.alerts.list(query, actor);
  }

  @Get('summary')
  @Roles('investigator', 'admin', 'partner')
  @PartnerScope('alerts:read')
  @ApiOperation({ summary: 'Counts per status of the alerts the caller may see, open cross-border and minor alerts, and the caller\'s live claims' })
  @ApiOkResponse({ type: AlertSummaryDto })
  summary(@CurrentActor() actor: Actor) {
    return this.alerts.summary(actor);
  }

  @Get(':id')
  @Roles('investigator', 'admin', 'partner')
  @PartnerScope('alerts:read')
  @ApiOperation({ summary: 'One alert: both records side by side, the evidence as scored, its decisions and its history' })
  @ApiNotFoundResponse({ description: HIDDEN })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.alerts.get(id, actor);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('investigator')
  @ApiOperation({ summary: 'Assign the alert to the caller until the claim expires (CLAIM_TTL_MINUTES); { takeover: true } to take over another reviewer\'s live claim' })
  @ApiConflictResponse({ description: 'Claimed by someone else (without takeover), or no longer open; details.current holds the state' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiOkResponse({ type: AlertStateDto })
  claim(@Param('id', uuidParam) id: string, @Body() body: ClaimAlertDto, @CurrentActor() actor: Actor) {
    return this.review.claim(id, actor, body ?? {});
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('investigator')
  @ApiOperation({ summary: 'Give back the caller\'s claim before it expires' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiOkResponse({ type: AlertStateDto })
  release(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.review.release(id, actor);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('investigator')
  @ApiOperation({ summary: 'Decide a claimed alert on the evidence version read: confirmed (locates the report, supersedes sibling alerts), rejected, needs_info' })
  @ApiConflictResponse({ description: 'Stale evidenceVersion, not claimed by the caller, or already decided; details.current holds the state' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiOkResponse({ type: DecisionResultDto })
  decide(@Param('id', uuidParam) id: string, @Body() body: DecideAlertDto, @CurrentActor() actor: Actor) {
    return this.review.decide(id, actor, body);
  }

  @Post(':id/reversal')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reverse a confirmation, with a reason, as a new audited decision entry (never a silent undo)' })
  @ApiConflictResponse({ description: 'The alert is not confirmed' })
  @ApiOkResponse({ type: ReversalResultDto })
  reverse(@Param('id', uuidParam) id: string, @Body() body: ReverseDecisionDto, @CurrentActor() actor: Actor) {
    return this.review.reverse(id, actor, body);
  }

  @Get(':id/notes')
  @Roles('investigator', 'admin')
  @ApiOperation({ summary: 'The alert\'s comment thread, oldest first' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiOkResponse({ type: NotesDto })
  notes(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.review.notes(id, actor);
  }

  @Post(':id/notes')
  @HttpCode(201)
  @Roles('investigator', 'admin')
  @ApiOperation({ summary: 'Add a note to the alert\'s thread (append-only)' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiCreatedResponse({ type: NoteDto })
  addNote(@Param('id', uuidParam) id: string, @Body() body: AddNoteDto, @CurrentActor() actor: Actor) {
    return this.review.addNote(id, actor, body);
  }

  @Post(':id/forensic-request')
  @HttpCode(201)
  @Roles('investigator')
  @ApiOperation({ summary: 'Ask the human identification system(s) for a forensic comparison of the pair (delivered through the outbox, signed, retried)' })
  @ApiConflictResponse({ description: 'No identification system is configured for the records\' countries' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiCreatedResponse({ type: ForensicRequestsDto })
  requestForensic(@Param('id', uuidParam) id: string, @Body() body: ForensicRequestDto, @CurrentActor() actor: Actor) {
    return this.review.requestForensic(id, actor, body);
  }

  @Get(':id/forensic-requests')
  @Roles('investigator', 'admin')
  @ApiOperation({ summary: 'The forensic comparison requests of the alert (pending, delivered, failed; attempts, last error) and the identification results linked to it' })
  @ApiNotFoundResponse({ description: HIDDEN })
  @ApiOkResponse({ type: ForensicRequestsDto })
  forensicRequests(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.review.forensicRequests(id, actor);
  }
}

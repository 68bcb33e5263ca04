import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../auth/actor.js';
import { IdentificationResultAnswerDto, IdentificationResultDto } from './dto/identification-result.dto.js';
import { IdentificationResultsService } from './identification-results.service.js';
import { SignatureGuard, type SignedRequest } from './signature.guard.js';

@ApiTags('identification')
@Controller('api/v1/identification')
export class IdentificationController {
  constructor(private readonly results: IdentificationResultsService) {}

  @Post('results')
  @Public()
  @UseGuards(SignatureGuard)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A result of the human identification system (signed with HMAC-SHA256, not an API key): identified confirms the pair, excluded rejects it for good, inconclusive is recorded. See docs/identification-interface.md',
  })
  @ApiHeader({ name: 'X-CBMP-System', required: true, description: 'The identification system id (IDENTIFICATION_SYSTEMS)' })
  @ApiHeader({ name: 'X-CBMP-Timestamp', required: true, description: 'Unix time in seconds; within SIGNATURE_TOLERANCE_SECONDS of the service clock' })
  @ApiHeader({ name: 'X-CBMP-Signature', required: true, description: 'v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>' })
  @ApiOkResponse({ type: IdentificationResultAnswerDto })
  @ApiUnauthorizedResponse({ description: 'Unknown system, bad signature, stale timestamp, or a replay' })
  @ApiBadRequestResponse({ description: 'Invalid fields, unknown records or request' })
  receive(@Body() body: IdentificationResultDto, @Req() request: SignedRequest) {
    return this.results.receive(body, request.signed!, { keyId: null, organizationId: null, ip: request.ip ?? null, requestId: (request as { id?: unknown }).id === undefined ? null : String((request as { id?: unknown }).id) });
  }
}

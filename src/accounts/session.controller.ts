import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { type Actor, type AuthenticatedRequest, CurrentActor, Public } from '../auth/actor.js';
import { SESSION_COOKIE } from '../auth/auth.guard.js';
import { UnauthenticatedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccountsService } from './accounts.service.js';
import { ChangePasswordDto, SessionDto, SignInDto } from './dto/account.dto.js';

/** Sign-in, the current session and sign-out of the console (cookie `cbmp_session`, CSRF token in the body). */
@ApiTags('session')
@ApiCookieAuth(SESSION_COOKIE)
@Controller('api/v1/session')
export class SessionController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, secure: this.config.SESSION_COOKIE_SECURE, sameSite: 'strict', path: '/' };
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password: sets the session cookie (HttpOnly, SameSite=Strict, Secure) and returns the CSRF token' })
  @ApiOkResponse({ type: SessionDto })
  @ApiResponse({ status: 401, description: 'Wrong email or password, or the account is disabled (one answer for all three)' })
  @ApiResponse({ status: 423, description: 'Locked after 5 failed sign-ins in 15 minutes; details.lockedUntil' })
  async signIn(@Body() body: SignInDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const signedIn = await this.accounts.signIn(body.email, body.password, { ip: request.ip ?? null, requestId: request.id === undefined ? null : String(request.id) });
    response.cookie(SESSION_COOKIE, signedIn.token, { ...this.cookieOptions(), expires: signedIn.expiresAt });
    response.setHeader('Cache-Control', 'no-store');
    return { account: signedIn.account, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt.toISOString() };
  }

  @Get()
  @ApiOperation({ summary: 'The signed-in person and the session\'s CSRF token (401 without a live session)' })
  @ApiOkResponse({ type: SessionDto })
  current(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): SessionDto {
    // The guard resolved the session already; a request authenticated by an API key has none.
    const session = request.consoleSession;
    if (!session) throw new UnauthenticatedError('No console session: this route is for people signed in to the console', [{ field: SESSION_COOKIE, reason: 'is missing' }]);
    response.setHeader('Cache-Control', 'no-store');
    return { account: session.account, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears the cookie' })
  @ApiNoContentResponse()
  async signOut(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.accounts.signOut(actor);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the signed-in person\'s password (the current one is checked); their other sessions end' })
  @ApiNoContentResponse()
  changePassword(@Body() body: ChangePasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.changePassword(actor, body.currentPassword, body.newPassword);
  }
}

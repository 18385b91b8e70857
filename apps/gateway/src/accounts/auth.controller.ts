import { AccountsRpc, type Actor, type AuthSession, type TokenPair } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { RpcClient } from '@haven/messaging';
import { BadRequestException, Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, CurrentActor, Public } from '../auth/auth.decorators';
import { GatewayConfig } from '../config/gateway.config';
import {
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshTokenDto,
  RegisterDto,
} from './dto/auth.dto';
import { AuthSessionDto, TokenPairDto } from './dto/user.dto';
import { clearRefreshCookie, readRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';

const COOKIE_NOTE = `Also sets the web app's \`${REFRESH_COOKIE}\` cookie (HttpOnly, SameSite=Strict) to the new refresh token.`;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account (role client) and sign in' })
  @ApiCreatedResponse({ type: AuthSessionDto, description: COOKIE_NOTE })
  @ApiBadRequestResponse({ description: 'A bad or unknown field (a `roles` field is refused)' })
  @ApiConflictResponse({ description: 'The e-mail address is taken' })
  async register(
    @Body() body: RegisterDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSession> {
    const session = await this.rpc.send(AccountsRpc.register, { ...body });
    setRefreshCookie(request, response, session.refreshToken, this.config.REFRESH_TOKEN_TTL_DAYS);
    return session;
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with e-mail address and password' })
  @ApiOkResponse({ type: AuthSessionDto, description: COOKIE_NOTE })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password, or a deactivated account' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this account (10 per 15 minutes)' })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSession> {
    const session = await this.rpc.send(AccountsRpc.login, { email: body.email, password: body.password });
    setRefreshCookie(request, response, session.refreshToken, this.config.REFRESH_TOKEN_TTL_DAYS);
    return session;
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one is spent)' })
  @ApiOkResponse({ type: TokenPairDto, description: COOKIE_NOTE })
  @ApiBadRequestResponse({ description: 'No refresh token in the body and no refresh cookie' })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or reused token (reuse ends the session)' })
  async refresh(
    @Body() body: RefreshTokenDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair> {
    const refreshToken = sessionToken(body, request);
    try {
      const pair = await this.rpc.send(AccountsRpc.refresh, { refreshToken });
      setRefreshCookie(request, response, pair.refreshToken, this.config.REFRESH_TOKEN_TTL_DAYS);
      return pair;
    } catch (error) {
      // A refused token is spent or revoked: the browser should stop sending it.
      if (error instanceof DomainError && error.kind === 'unauthenticated') clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session the refresh token belongs to' })
  @ApiNoContentResponse({
    description: `Done (also when the token was not yours or already ended); clears the \`${REFRESH_COOKIE}\` cookie`,
  })
  @ApiBadRequestResponse({ description: 'No refresh token in the body and no refresh cookie' })
  async logout(
    @CurrentActor() actor: Actor,
    @Body() body: RefreshTokenDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const refreshToken = sessionToken(body, request);
    clearRefreshCookie(request, response);
    await this.rpc.send(AccountsRpc.logout, { refreshToken }, { actor });
  }

  @Public()
  @Post('password-reset/request')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a password-reset link (only if the account exists; the answer is the same)' })
  @ApiAcceptedResponse({
    description: 'Accepted',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['accepted'] } } },
  })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<{ status: 'accepted' }> {
    await this.rpc.send(AccountsRpc.requestPasswordReset, { email: body.email });
    return { status: 'accepted' };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the token from the link; every session ends' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiBadRequestResponse({ description: 'Invalid, expired or used token, or a too short password' })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.rpc.send(AccountsRpc.confirmPasswordReset, { token: body.token, password: body.password });
  }
}

/** The token in the body (API clients) or else the web app's cookie; neither is a 400 naming the field. */
function sessionToken(body: RefreshTokenDto, request: Request): string {
  const token = body.refreshToken ?? readRefreshCookie(request);
  if (token) return token;
  throw new BadRequestException({
    message: 'refreshToken: is required',
    details: [{ field: 'refreshToken', message: 'is required' }],
    code: 'validation_failed',
  });
}

import { AccountsRpc, type Actor, type AuthSession, type TokenPair } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
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
import { Authenticated, CurrentActor, Public } from '../auth/auth.decorators';
import {
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshTokenDto,
  RegisterDto,
} from './dto/auth.dto';
import { AuthSessionDto, TokenPairDto } from './dto/user.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account (role client) and sign in' })
  @ApiCreatedResponse({ type: AuthSessionDto })
  @ApiBadRequestResponse({ description: 'A bad or unknown field (a `roles` field is refused)' })
  @ApiConflictResponse({ description: 'The e-mail address is taken' })
  register(@Body() body: RegisterDto): Promise<AuthSession> {
    return this.rpc.send(AccountsRpc.register, { ...body });
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with e-mail address and password' })
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password, or a deactivated account' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this account (10 per 15 minutes)' })
  login(@Body() body: LoginDto): Promise<AuthSession> {
    return this.rpc.send(AccountsRpc.login, { email: body.email, password: body.password });
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one is spent)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or reused token (reuse ends the session)' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.rpc.send(AccountsRpc.refresh, { refreshToken: body.refreshToken });
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session the refresh token belongs to' })
  @ApiNoContentResponse({ description: 'Done (also when the token was not yours or already ended)' })
  async logout(@CurrentActor() actor: Actor, @Body() body: RefreshTokenDto): Promise<void> {
    await this.rpc.send(AccountsRpc.logout, { refreshToken: body.refreshToken }, { actor });
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

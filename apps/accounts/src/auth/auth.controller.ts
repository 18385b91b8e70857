import {
  AccountsRpc,
  type AuthSession,
  type LoginRequest,
  type RefreshRequest,
  type RegisterRequest,
  type RpcRequest,
  type TokenPair,
} from '@haven/contracts';
import { actorOf, bodyOf } from '@haven/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @MessagePattern(AccountsRpc.register.pattern)
  register(@Payload() request: RpcRequest<RegisterRequest>): Promise<AuthSession> {
    return this.auth.register(bodyOf(request), request.meta);
  }

  @MessagePattern(AccountsRpc.login.pattern)
  login(@Payload() request: RpcRequest<LoginRequest>): Promise<AuthSession> {
    return this.auth.login(bodyOf(request));
  }

  @MessagePattern(AccountsRpc.refresh.pattern)
  refresh(@Payload() request: RpcRequest<RefreshRequest>): Promise<TokenPair> {
    return this.auth.refresh(bodyOf(request).refreshToken);
  }

  @MessagePattern(AccountsRpc.logout.pattern)
  async logout(@Payload() request: RpcRequest<RefreshRequest>): Promise<{ ok: true }> {
    await this.auth.logout(actorOf(request), bodyOf(request).refreshToken);
    return { ok: true };
  }
}

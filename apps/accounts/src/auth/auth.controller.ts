import { RpcHandler } from '@haven/messaging';
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
import { Payload } from '@nestjs/microservices';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @RpcHandler(AccountsRpc.register)
  register(@Payload() request: RpcRequest<RegisterRequest>): Promise<AuthSession> {
    return this.auth.register(bodyOf(request), request.meta);
  }

  @RpcHandler(AccountsRpc.login)
  login(@Payload() request: RpcRequest<LoginRequest>): Promise<AuthSession> {
    return this.auth.login(bodyOf(request));
  }

  @RpcHandler(AccountsRpc.refresh)
  refresh(@Payload() request: RpcRequest<RefreshRequest>): Promise<TokenPair> {
    return this.auth.refresh(bodyOf(request).refreshToken);
  }

  @RpcHandler(AccountsRpc.logout)
  async logout(@Payload() request: RpcRequest<RefreshRequest>): Promise<{ ok: true }> {
    await this.auth.logout(actorOf(request), bodyOf(request).refreshToken);
    return { ok: true };
  }
}

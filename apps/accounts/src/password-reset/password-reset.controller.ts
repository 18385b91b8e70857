import {
  AccountsRpc,
  type IssuedPasswordResetToken,
  type IssuePasswordResetTokenRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type RpcRequest,
} from '@haven/contracts';
import { bodyOf } from '@haven/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PasswordResetService } from './password-reset.service';

@Controller()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @MessagePattern(AccountsRpc.requestPasswordReset.pattern)
  request(@Payload() request: RpcRequest<PasswordResetRequest>): { accepted: true } {
    this.resets.request(bodyOf(request).email);
    return { accepted: true };
  }

  @MessagePattern(AccountsRpc.confirmPasswordReset.pattern)
  async confirm(@Payload() request: RpcRequest<PasswordResetConfirmRequest>): Promise<{ ok: true }> {
    const body = bodyOf(request);
    await this.resets.confirm(body.token, body.password);
    return { ok: true };
  }

  /** Internal: only the notifications service calls it; the gateway routes no path here. */
  @MessagePattern(AccountsRpc.issuePasswordResetToken.pattern)
  issueToken(@Payload() request: RpcRequest<IssuePasswordResetTokenRequest>): Promise<IssuedPasswordResetToken> {
    return this.resets.issueToken(bodyOf(request).requestId);
  }
}

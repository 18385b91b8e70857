import { RpcHandler } from '@haven/messaging';
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
import { Payload } from '@nestjs/microservices';
import { PasswordResetService } from './password-reset.service';

@Controller()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @RpcHandler(AccountsRpc.requestPasswordReset)
  request(@Payload() request: RpcRequest<PasswordResetRequest>): { accepted: true } {
    this.resets.request(bodyOf(request).email);
    return { accepted: true };
  }

  @RpcHandler(AccountsRpc.confirmPasswordReset)
  async confirm(@Payload() request: RpcRequest<PasswordResetConfirmRequest>): Promise<{ ok: true }> {
    const body = bodyOf(request);
    await this.resets.confirm(body.token, body.password);
    return { ok: true };
  }

  /** Internal: only the notifications service calls it; the gateway routes no path here. */
  @RpcHandler(AccountsRpc.issuePasswordResetToken)
  issueToken(@Payload() request: RpcRequest<IssuePasswordResetTokenRequest>): Promise<IssuedPasswordResetToken> {
    return this.resets.issueToken(bodyOf(request).requestId);
  }
}

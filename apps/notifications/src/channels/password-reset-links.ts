import { AccountsRpc } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { RpcClient } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { NotificationsConfig } from '../config/notifications.config';

/**
 * The reset link is minted by accounts at the moment the mail is sent, so its token never sits in
 * an event, a job or a log: only in the mail itself.
 */
@Injectable()
export class PasswordResetLinks {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: NotificationsConfig,
  ) {}

  /** The link for this reset request, or null once the request was used, expired or superseded. */
  async issue(requestId: string, userId: string): Promise<string | null> {
    try {
      const issued = await this.rpc.send(AccountsRpc.issuePasswordResetToken, { requestId });
      if (issued.userId !== userId) return null;
      return `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(issued.token)}`;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }
}

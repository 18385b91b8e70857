import { type AccountStatus, AccountsRpc, type Actor } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { RpcClient } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DirectoryConfig } from '../config/directory.config';

/**
 * Asks the accounts service who users are right now, for the sensitive admin actions (vetting
 * decisions, suspensions): an admin demoted or deactivated a moment ago may still hold a token
 * saying otherwise. Fails closed: without an answer from accounts, nothing is decided (503).
 */
@Injectable()
export class AccountChecks {
  private readonly logger = new Logger(AccountChecks.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly config: DirectoryConfig,
  ) {}

  /** The accounts of `ids` as they are now; unknown ids are missing from the map. */
  async statuses(ids: string[]): Promise<Map<string, AccountStatus>> {
    let statuses: AccountStatus[];
    try {
      statuses = await this.rpc.send(
        AccountsRpc.getAccountStatuses,
        { ids: [...new Set(ids)] },
        { timeoutMs: this.config.dependencyTimeoutMs },
      );
    } catch (error) {
      this.logger.warn(`accounts did not confirm the actor's rights: ${(error as Error).message}`);
      throw DomainError.unavailable('accounts_unavailable', 'Cannot confirm your rights right now; try again shortly');
    }
    return new Map(statuses.map((status) => [status.id, status]));
  }

  async assertActiveAdmin(actor: Actor): Promise<void> {
    assertActiveAdmin(await this.statuses([actor.userId]), actor);
  }
}

export function assertActiveAdmin(statuses: Map<string, AccountStatus>, actor: Actor): void {
  const account = statuses.get(actor.userId);
  if (!account?.active || !account.roles.includes('admin')) throw DomainError.forbidden('This needs the admin role');
}

import { AccountsRpc, type Role, type UserContact } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Injectable } from '@nestjs/common';

/**
 * Contact data comes from accounts at the moment a message is sent (never copied here), so a
 * changed e-mail address, phone or time zone is used from then on.
 */
@Injectable()
export class Recipients {
  constructor(private readonly rpc: RpcClient) {}

  /** The user's contact card, or null for an unknown user. */
  async contact(userId: string): Promise<UserContact | null> {
    const [contact] = await this.rpc.send(AccountsRpc.getContacts, { ids: [userId] });
    return contact ?? null;
  }

  /** Every active user holding `role`. */
  async withRole(role: Role): Promise<UserContact[]> {
    return this.rpc.send(AccountsRpc.getContactsByRole, { role });
  }
}

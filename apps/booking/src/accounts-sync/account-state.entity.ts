import { Column, Entity, type EntityManager, In, PrimaryColumn } from 'typeorm';

/** Whether an account is active, copied from `user.updated`; users never updated have no row (active). */
@Entity({ name: 'account_states' })
export class AccountStateEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column('boolean')
  active: boolean;

  @Column({ name: 'rights_version', type: 'integer' })
  rightsVersion: number;
}

/** Which of these users' accounts are deactivated: their calendars are closed to the public. */
export async function deactivatedAmong(manager: EntityManager, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await manager.findBy(AccountStateEntity, { userId: In(userIds), active: false });
  return new Set(rows.map((row) => row.userId));
}

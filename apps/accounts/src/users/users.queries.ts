import type { Role } from '@haven/contracts';
import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** Queries on users that need more than `findOneBy`. */
export const UsersQueries = {
  /** By normalized e-mail address, through the unique index on lower(email). */
  findByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('lower(user.email) = :email', { email })
      .getOne();
  },

  /** The user's row, locked until the transaction ends (read-modify-write of roles and profile). */
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  },

  anyWithRole(manager: EntityManager, role: Role): Promise<boolean> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where(':role = ANY(user.roles)', { role })
      .getExists();
  },
};

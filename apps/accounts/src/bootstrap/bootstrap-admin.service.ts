import { OutboxService } from '@haven/messaging';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { AccountsConfig } from '../config/accounts.config';
import { checkName, normalizeEmail } from '../common/user-input';
import { provisionAdmin } from './admin-provisioning';

/**
 * The first admin from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD, created on start while no
 * admin exists. Every replica may try: the provisioning is serialized and idempotent.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly config: AccountsConfig,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (!email && !password) return;
    if (!email || !password) {
      this.logger.warn('set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD to create the first admin');
      return;
    }
    const result = await provisionAdmin(
      this.dataSource,
      this.outbox,
      {
        email: normalizeEmail(email),
        passwordHash: await this.hasher.hash(password),
        name: checkName(this.config.BOOTSTRAP_ADMIN_NAME, 'BOOTSTRAP_ADMIN_NAME'),
      },
      { onlyIfNoAdmin: true, source: 'bootstrap' },
    );
    if (result.outcome === 'created') this.logger.log({ msg: 'bootstrap admin created', userId: result.userId });
    if (result.outcome === 'granted') this.logger.log({ msg: 'bootstrap admin role granted', userId: result.userId });
  }
}

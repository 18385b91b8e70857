import 'reflect-metadata';
import { runServiceMain } from '@haven/messaging';
import { AccountsConfig } from './config/accounts.config';
import { AccountsModule } from './accounts.module';

runServiceMain({
  service: 'accounts',
  consumesEvents: true,
  config: AccountsConfig,
  module: (config) => AccountsModule.register(config),
});

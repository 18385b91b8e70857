import 'reflect-metadata';
import { runServiceMain } from '@haven/messaging';
import { DirectoryConfig } from './config/directory.config';
import { DirectoryModule } from './directory.module';

runServiceMain({
  service: 'directory',
  consumesEvents: true,
  config: DirectoryConfig,
  module: (config) => DirectoryModule.register(config),
});

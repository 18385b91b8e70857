import 'reflect-metadata';
import { EXIT_CANNOT_START } from '@haven/infrastructure';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareLocalEnvironment } from './local-env';
import { PLATFORM_APPS, RAZORPAY_SANDBOX } from './platform-apps';

/**
 * `npm run start:app -- <app>`: one built app alone, with the environment `npm start` gives it
 * (`.env`, and the development admin from `.env.example`). npm 10 hands `--app=<app>` over as
 * npm_config_app instead of an argument, so that spelling works as well.
 */
const name = process.argv[2] ?? process.env.npm_config_app;
const apps = [...PLATFORM_APPS, RAZORPAY_SANDBOX];
const app = apps.find((candidate) => candidate.name === name);
if (!app) {
  const names = apps.map((candidate) => candidate.name).join(', ');
  console.error(`${name ? `There is no app "${name}"` : 'Name the app'}: npm run start:app -- <app>, one of ${names}.`);
  process.exit(EXIT_CANNOT_START);
}
if (!existsSync(app.entry)) {
  console.error(`${app.entry} is missing: run npm run build first.`);
  process.exit(1);
}
prepareLocalEnvironment();
void import(pathToFileURL(resolve(app.entry)).href);

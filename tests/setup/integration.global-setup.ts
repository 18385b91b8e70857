import { createTestInfrastructure, type TestInfrastructure } from '@haven/testing/infrastructure';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

let infrastructure: TestInfrastructure | undefined;

export async function setup(project: TestProject): Promise<void> {
  infrastructure = await createTestInfrastructure('int');
  project.provide('databaseUrl', infrastructure.databaseUrl);
  project.provide('rabbitmqUrl', infrastructure.rabbitmqUrl);
  project.provide('redisUrl', infrastructure.redisUrl);
  project.provide('redisPrefix', infrastructure.redisPrefix);
}

export async function teardown(): Promise<void> {
  await infrastructure?.teardown();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    rabbitmqUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';

/**
 * The baseline: a Nest app on the same HTTP adapter (Express) with nothing in between, answering
 * each route with the body the platform answered, serialized per request the same way.
 */
const bodies = JSON.parse(readFileSync(process.env.BARE_BODIES!, 'utf8')) as Record<string, unknown>;

@Controller()
class BareController {
  @Get('slots')
  slots(): unknown {
    return bodies.slots;
  }

  @Get('profile')
  profile(): unknown {
    return bodies.profile;
  }

  @Get('specialties')
  specialties(): unknown {
    return bodies.specialties;
  }

  @Get('health')
  health(): unknown {
    return bodies.health;
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

void (async () => {
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.send?.('ready');
})();

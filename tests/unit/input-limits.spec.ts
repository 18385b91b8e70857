import { DomainError, pageOf } from '@haven/common';
import { ACCOUNTS_LIMITS, DIRECTORY_LIMITS, MAX_PAGE, MAX_PAGE_SIZE, REMINDER_LIMITS } from '@haven/contracts';
import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { checkEmail, checkName, checkPassword } from '../../apps/accounts/src/common/user-input';
import { cleanApplicationInput } from '../../apps/directory/src/applications/application-input';
import { cleanNewOffering } from '../../apps/directory/src/offerings/offering-rules';
import { RegisterDto } from '../../apps/gateway/src/accounts/dto/auth.dto';
import { PageQueryDto } from '../../apps/gateway/src/common/dto/page.dto';
import { createValidationPipe } from '../../apps/gateway/src/common/validation.pipe';
import { CreateApplicationDto } from '../../apps/gateway/src/directory/dto/application.dto';
import { CreateOfferingDto } from '../../apps/gateway/src/directory/dto/counselor.dto';
import { NotificationPreferencesDto } from '../../apps/gateway/src/notifications/dto/notifications.dto';
import { parsePreferencesUpdate } from '../../apps/notifications/src/preferences/preferences-input';

/*
 * Each limit lives once in libs/contracts. Here a request right at a limit passes both the gateway's
 * DTO and the service's own check, and one step past it is refused by both, naming the same field.
 */

/** The fields the gateway's validation pipe names, or [] when it lets the value through. */
async function gatewayRefuses(
  metatype: new () => object,
  value: Record<string, unknown>,
  type: 'body' | 'query' = 'body',
): Promise<string[]> {
  try {
    await createValidationPipe().transform(value, { type, metatype });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const body = (error as BadRequestException).getResponse() as { details: { field: string }[] };
    return body.details.map((detail) => detail.field);
  }
}

/** The fields a service's check names, or [] when it takes the value. */
function serviceRefuses(check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return ((error as DomainError).details ?? []).map((detail) => detail.field);
  }
}

interface LimitCase {
  name: string;
  dto: new () => object;
  type?: 'body' | 'query';
  /** A request right at the limit. */
  atLimit: Record<string, unknown>;
  /** The same request one step past it. */
  pastLimit: Record<string, unknown>;
  field: string;
  service: (body: Record<string, unknown>) => unknown;
}

const A = ACCOUNTS_LIMITS;
const D = DIRECTORY_LIMITS;

/** An address exactly `length` characters long that every e-mail check accepts when short enough. */
function emailOfLength(length: number): string {
  const local = 'a'.repeat(64);
  const tld = '.com';
  const middle = length - local.length - 1 - tld.length;
  const labels = ['b'.repeat(63), 'c'.repeat(63)];
  const last = 'd'.repeat(middle - labels.join('.').length - 1);
  return `${local}@${labels.join('.')}.${last}${tld}`;
}

const registration = { email: 'asha@example.com', password: 'correct horse battery', name: 'Asha Rao' };
const registrationChecks = (body: Record<string, unknown>) => {
  checkEmail(body.email);
  checkPassword(body.password);
  checkName(body.name);
};

const offering = { title: 'First chat', mode: 'chat', durationMinutes: 50, pricePaise: 3000 };
const application = {
  displayName: 'Dr. Asha Rao',
  bio: 'Counselling psychologist.',
  qualifications: ['M.Phil Clinical Psychology'],
  registration: { body: 'RCI', number: 'A12345' },
  yearsExperience: 8,
  languages: ['en'],
  specialties: ['anxiety'],
};
const applicationChecks = (body: Record<string, unknown>) =>
  cleanApplicationInput(body, new Set(['anxiety']), { partial: false });

const CASES: LimitCase[] = [
  {
    name: 'e-mail length',
    dto: RegisterDto,
    atLimit: { ...registration, email: emailOfLength(A.maxEmailLength) },
    pastLimit: { ...registration, email: emailOfLength(A.maxEmailLength + 1) },
    field: 'email',
    service: registrationChecks,
  },
  {
    name: 'shortest password',
    dto: RegisterDto,
    atLimit: { ...registration, password: 'p'.repeat(A.minPasswordLength) },
    pastLimit: { ...registration, password: 'p'.repeat(A.minPasswordLength - 1) },
    field: 'password',
    service: registrationChecks,
  },
  {
    name: 'longest password',
    dto: RegisterDto,
    atLimit: { ...registration, password: 'p'.repeat(A.maxPasswordLength) },
    pastLimit: { ...registration, password: 'p'.repeat(A.maxPasswordLength + 1) },
    field: 'password',
    service: registrationChecks,
  },
  {
    name: 'name length',
    dto: RegisterDto,
    atLimit: { ...registration, name: 'n'.repeat(A.maxNameLength) },
    pastLimit: { ...registration, name: 'n'.repeat(A.maxNameLength + 1) },
    field: 'name',
    service: registrationChecks,
  },
  {
    name: 'offering title length',
    dto: CreateOfferingDto,
    atLimit: { ...offering, title: 't'.repeat(D.maxOfferingTitleLength) },
    pastLimit: { ...offering, title: 't'.repeat(D.maxOfferingTitleLength + 1) },
    field: 'title',
    service: cleanNewOffering,
  },
  {
    name: 'longest session',
    dto: CreateOfferingDto,
    atLimit: { ...offering, durationMinutes: D.maxDurationMinutes },
    pastLimit: { ...offering, durationMinutes: D.maxDurationMinutes + 1 },
    field: 'durationMinutes',
    service: cleanNewOffering,
  },
  {
    name: 'cheapest paid offering',
    dto: CreateOfferingDto,
    atLimit: { ...offering, pricePaise: D.minPaidPricePaise },
    pastLimit: { ...offering, pricePaise: D.minPaidPricePaise - 1 },
    field: 'pricePaise',
    service: cleanNewOffering,
  },
  {
    name: 'dearest offering',
    dto: CreateOfferingDto,
    atLimit: { ...offering, pricePaise: D.maxPricePaise },
    pastLimit: { ...offering, pricePaise: D.maxPricePaise + 1 },
    field: 'pricePaise',
    service: cleanNewOffering,
  },
  {
    name: 'application bio length',
    dto: CreateApplicationDto,
    atLimit: { ...application, bio: 'b'.repeat(D.maxBioLength) },
    pastLimit: { ...application, bio: 'b'.repeat(D.maxBioLength + 1) },
    field: 'bio',
    service: applicationChecks,
  },
  {
    name: 'number of qualifications',
    dto: CreateApplicationDto,
    atLimit: { ...application, qualifications: Array.from({ length: D.maxQualifications }, (_, i) => `Q${i}`) },
    pastLimit: { ...application, qualifications: Array.from({ length: D.maxQualifications + 1 }, (_, i) => `Q${i}`) },
    field: 'qualifications',
    service: applicationChecks,
  },
  {
    name: 'years of experience',
    dto: CreateApplicationDto,
    atLimit: { ...application, yearsExperience: D.maxYearsExperience },
    pastLimit: { ...application, yearsExperience: D.maxYearsExperience + 1 },
    field: 'yearsExperience',
    service: applicationChecks,
  },
  {
    name: 'number of reminders',
    dto: NotificationPreferencesDto,
    atLimit: { reminders: Array.from({ length: REMINDER_LIMITS.maxCount }, (_, i) => i + 1) },
    pastLimit: { reminders: Array.from({ length: REMINDER_LIMITS.maxCount + 1 }, (_, i) => i + 1) },
    field: 'reminders',
    service: parsePreferencesUpdate,
  },
  {
    name: 'earliest reminder',
    dto: NotificationPreferencesDto,
    atLimit: { reminders: [REMINDER_LIMITS.maxMinutes] },
    pastLimit: { reminders: [REMINDER_LIMITS.maxMinutes + 1] },
    field: 'reminders',
    service: parsePreferencesUpdate,
  },
  {
    name: 'page size',
    dto: PageQueryDto,
    type: 'query',
    atLimit: { limit: String(MAX_PAGE_SIZE) },
    pastLimit: { limit: String(MAX_PAGE_SIZE + 1) },
    field: 'limit',
    service: pageOf,
  },
  {
    name: 'page number',
    dto: PageQueryDto,
    type: 'query',
    atLimit: { page: String(MAX_PAGE) },
    pastLimit: { page: String(MAX_PAGE + 1) },
    field: 'page',
    service: pageOf,
  },
];

describe('input limits: the gateway and the services draw the same line', () => {
  it.each(CASES)('$name', async ({ dto, type, atLimit, pastLimit, field, service }) => {
    expect(await gatewayRefuses(dto, atLimit, type)).toEqual([]);
    expect(serviceRefuses(() => service(atLimit))).toEqual([]);

    const named = (fields: string[]) => fields.map((name) => name.replace(/\[\d+\]$/, ''));
    expect(named(await gatewayRefuses(dto, pastLimit, type))).toEqual([field]);
    expect(named(serviceRefuses(() => service(pastLimit)))).toEqual([field]);
  });
});

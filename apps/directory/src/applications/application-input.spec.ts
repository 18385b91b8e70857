import { DomainError } from '@haven/common';
import { fieldsNamedBy } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { cleanApplicationInput } from './application-input';

const KNOWN = new Set(['anxiety', 'grief', 'micro-cheating']);
const VALID = {
  displayName: '  Dr. Asha Rao ',
  bio: 'Counselling psychologist.',
  qualifications: ['M.Phil Clinical Psychology', 'M.Phil Clinical Psychology'],
  registration: { body: 'RCI', number: 'A12345' },
  yearsExperience: 8,
  languages: ['en', 'hi', 'en'],
  specialties: ['anxiety', 'micro-cheating'],
};

describe('application input', () => {
  it('trims text and drops duplicates', () => {
    const clean = cleanApplicationInput(VALID, KNOWN, { partial: false });
    expect(clean.displayName).toBe('Dr. Asha Rao');
    expect(clean.qualifications).toEqual(['M.Phil Clinical Psychology']);
    expect(clean.languages).toEqual(['en', 'hi']);
    expect(clean.gender).toBeUndefined();
  });

  it('names every missing field of a new application', () => {
    expect(fieldsNamedBy(() => cleanApplicationInput({}, KNOWN, { partial: false })).sort()).toEqual(
      ['bio', 'displayName', 'languages', 'qualifications', 'registration', 'specialties', 'yearsExperience'].sort(),
    );
  });

  it('checks only the fields present in a resubmission', () => {
    expect(cleanApplicationInput({ bio: 'Updated' }, KNOWN, { partial: true })).toEqual({ bio: 'Updated' });
  });

  it('refuses unknown specialties, naming the field and the slug', () => {
    try {
      cleanApplicationInput({ ...VALID, specialties: ['anxiety', 'astrology'] }, KNOWN, { partial: false });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).details).toEqual([
        { field: 'specialties', message: expect.stringContaining('astrology') },
      ]);
    }
  });

  it('takes ISO 639-1 codes in lowercase only', () => {
    expect(
      fieldsNamedBy(() => cleanApplicationInput({ ...VALID, languages: ['EN'] }, KNOWN, { partial: false })),
    ).toEqual(['languages']);
    expect(
      fieldsNamedBy(() => cleanApplicationInput({ ...VALID, languages: ['english'] }, KNOWN, { partial: false })),
    ).toEqual(['languages']);
    expect(
      fieldsNamedBy(() => cleanApplicationInput({ ...VALID, languages: ['xx'] }, KNOWN, { partial: false })),
    ).toEqual(['languages']);
    expect(fieldsNamedBy(() => cleanApplicationInput({ ...VALID, languages: [] }, KNOWN, { partial: false }))).toEqual([
      'languages',
    ]);
  });

  it('names the nested registration fields', () => {
    expect(
      fieldsNamedBy(() => cleanApplicationInput({ ...VALID, registration: { body: ' ' } }, KNOWN, { partial: false })),
    ).toEqual(['registration.body', 'registration.number']);
  });

  it('wants whole, plausible years of experience', () => {
    for (const yearsExperience of [-1, 2.5, '3', 71]) {
      expect(
        fieldsNamedBy(() => cleanApplicationInput({ ...VALID, yearsExperience }, KNOWN, { partial: false })),
      ).toEqual(['yearsExperience']);
    }
  });
});

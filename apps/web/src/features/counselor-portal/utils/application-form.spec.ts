import { describe, expect, it } from 'vitest';
import type { Application } from '../api/application';
import {
  applicationFormSchema,
  applicationFromForm,
  emptyApplicationForm,
  formFromApplication,
} from './application-form';

const application: Application = {
  id: 'a1',
  userId: 'u1',
  status: 'changes_requested',
  reviewerNote: 'Add your RCI number',
  displayName: 'Dr. Asha Rao',
  bio: 'Anxiety and grief.',
  qualifications: ['M.Phil Clinical Psychology', 'MA Psychology'],
  registration: { body: 'RCI', number: 'A12345' },
  yearsExperience: 8,
  languages: ['en', 'hi'],
  specialties: ['anxiety'],
  submittedAt: '2026-12-01T00:00:00.000Z',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('the application form', () => {
  it('round-trips an application: one qualification per line, registration in two fields', () => {
    const form = formFromApplication(application);
    expect(form.qualifications).toBe('M.Phil Clinical Psychology\nMA Psychology');
    const body = applicationFromForm(applicationFormSchema.parse(form));
    expect(body).toEqual({
      displayName: 'Dr. Asha Rao',
      bio: 'Anxiety and grief.',
      qualifications: ['M.Phil Clinical Psychology', 'MA Psychology'],
      registration: { body: 'RCI', number: 'A12345' },
      yearsExperience: 8,
      languages: ['en', 'hi'],
      specialties: ['anxiety'],
    });
  });

  it('drops blank qualification lines and sends a gender only when given', () => {
    const form = applicationFormSchema.parse({
      ...formFromApplication(application),
      qualifications: '\n  MA Psychology  \n\n',
      gender: 'female',
    });
    expect(applicationFromForm(form)).toMatchObject({ qualifications: ['MA Psychology'], gender: 'female' });
  });

  it('names every missing field of an empty form', () => {
    const result = applicationFormSchema.safeParse(emptyApplicationForm);
    const fields = new Set(result.error?.issues.map((issue) => issue.path[0]));
    expect([...fields].sort()).toEqual(
      [
        'bio',
        'displayName',
        'languages',
        'qualifications',
        'registrationNumber',
        'specialties',
        'yearsExperience',
      ].sort(),
    );
  });
});

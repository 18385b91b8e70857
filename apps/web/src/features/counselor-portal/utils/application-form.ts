import { z } from 'zod';
import { wholeNumber } from './whole-number';
import type { Application, ApplicationInput } from '../api/application';

/** The application as a person fills it in: qualifications one per line, registration split in two. */
export const applicationFormSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter the name clients will see')
    .min(2, 'At least 2 characters')
    .max(80, 'At most 80 characters'),
  bio: z.string().trim().min(1, 'Tell clients about your work').max(5000, 'At most 5000 characters'),
  qualifications: z
    .string()
    .refine((text) => qualificationLines(text).length > 0, 'List at least one qualification')
    .refine((text) => qualificationLines(text).length <= 20, 'At most 20 qualifications'),
  registrationBody: z
    .string()
    .trim()
    .min(1, 'Name the body you are registered with')
    .max(100, 'At most 100 characters'),
  registrationNumber: z.string().trim().min(1, 'Enter your registration number').max(100, 'At most 100 characters'),
  yearsExperience: wholeNumber(0, 70, 'years'),
  languages: z.array(z.string()).min(1, 'Choose at least one language'),
  specialties: z.array(z.string()).min(1, 'Choose at least one specialty').max(15, 'At most 15 specialties'),
  gender: z.string().max(40, 'At most 40 characters'),
});
export type ApplicationFormInput = z.input<typeof applicationFormSchema>;
export type ApplicationForm = z.output<typeof applicationFormSchema>;

/** Form field ← the API's name for it, so a 400 lands beside the right field. */
export const APPLICATION_FIELD_OF: Record<string, keyof ApplicationForm> = {
  displayName: 'displayName',
  bio: 'bio',
  qualifications: 'qualifications',
  registration: 'registrationNumber',
  'registration.body': 'registrationBody',
  'registration.number': 'registrationNumber',
  yearsExperience: 'yearsExperience',
  languages: 'languages',
  specialties: 'specialties',
  gender: 'gender',
};

function qualificationLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export const emptyApplicationForm: ApplicationFormInput = {
  displayName: '',
  bio: '',
  qualifications: '',
  registrationBody: 'RCI',
  registrationNumber: '',
  yearsExperience: '',
  languages: [],
  specialties: [],
  gender: '',
};

export function formFromApplication(application: Application): ApplicationFormInput {
  return {
    displayName: application.displayName,
    bio: application.bio,
    qualifications: application.qualifications.join('\n'),
    registrationBody: application.registration.body,
    registrationNumber: application.registration.number,
    yearsExperience: application.yearsExperience,
    languages: application.languages,
    specialties: application.specialties,
    gender: application.gender ?? '',
  };
}

export function applicationFromForm(form: ApplicationForm): ApplicationInput {
  return {
    displayName: form.displayName,
    bio: form.bio,
    qualifications: qualificationLines(form.qualifications),
    registration: { body: form.registrationBody, number: form.registrationNumber },
    yearsExperience: form.yearsExperience,
    languages: form.languages,
    specialties: form.specialties,
    ...(form.gender ? { gender: form.gender } : {}),
  };
}

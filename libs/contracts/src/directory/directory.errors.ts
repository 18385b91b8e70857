import type { CodesOf, ErrorCatalogue } from '../errors';

export const DIRECTORY_ERRORS = {
  not_found: ['application_not_found', 'booking_not_found', 'counselor_not_found', 'offering_not_found'],
  conflict: [
    'already_counselor',
    'application_open',
    'application_not_editable',
    'application_already_decided',
    'application_changed',
    'counselor_already_suspended',
    'counselor_not_suspended',
    'counselor_changed',
    'already_reviewed',
  ],
  unprocessable: [
    'own_application',
    'applicant_deactivated',
    'counselor_suspended',
    'offering_cap_reached',
    'booking_not_completed',
  ],
  unavailable: ['accounts_unavailable', 'availability_unavailable'],
} as const satisfies ErrorCatalogue;
export type DirectoryErrorCode = CodesOf<typeof DIRECTORY_ERRORS>;

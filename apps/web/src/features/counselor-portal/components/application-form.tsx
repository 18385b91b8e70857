import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormError, SubmitButton, TextAreaField, TextField } from '@/components/field';
import { PracticeFields } from './practice-fields';
import type { ApplicationInput } from '../api/application';
import { showRenamedApiErrors } from '../utils/api-errors';
import {
  APPLICATION_FIELD_OF,
  type ApplicationForm as Form,
  type ApplicationFormInput,
  applicationFormSchema,
  applicationFromForm,
} from '../utils/application-form';

const FIELDS = Object.values(APPLICATION_FIELD_OF);

interface Props {
  initial: ApplicationFormInput;
  submitLabel: string;
  onSubmit: (body: ApplicationInput) => Promise<unknown>;
}

/** Everything the vetting team checks: who you are, your registration, and what you help with. */
export function ApplicationForm({ initial, submitLabel, onSubmit }: Props) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ApplicationFormInput, unknown, Form>({
    resolver: zodResolver(applicationFormSchema),
    defaultValues: initial,
  });

  const submit = handleSubmit(async (form) => {
    try {
      await onSubmit(applicationFromForm(form));
    } catch (error) {
      showRenamedApiErrors(error, FIELDS, (field) => APPLICATION_FIELD_OF[field], setError);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="wide">
      <FormError message={errors.root?.message} />
      <TextField
        label="Name clients will see"
        hint="As on your registration, e.g. Dr. Asha Rao"
        autoComplete="name"
        registration={register('displayName')}
        error={errors.displayName}
      />
      <TextAreaField
        label="About your practice"
        hint="How you work and whom you help. Clients read this on your profile."
        rows={6}
        registration={register('bio')}
        error={errors.bio}
      />
      <TextAreaField
        label="Qualifications"
        hint="One per line, e.g. M.Phil Clinical Psychology"
        rows={3}
        registration={register('qualifications')}
        error={errors.qualifications}
      />
      <fieldset>
        <legend>Professional registration</legend>
        <TextField
          label="Registered with"
          hint="The issuing body, e.g. RCI. Shown on your profile."
          registration={register('registrationBody')}
          error={errors.registrationBody}
        />
        <TextField
          label="Registration number"
          hint="Only the vetting team sees it."
          registration={register('registrationNumber')}
          error={errors.registrationNumber}
        />
      </fieldset>
      <TextField
        label="Years of experience"
        type="number"
        registration={register('yearsExperience')}
        error={errors.yearsExperience}
      />
      <PracticeFields
        languages={{ registration: register('languages'), error: errors.languages }}
        specialties={{ registration: register('specialties'), error: errors.specialties }}
      />
      <TextField
        label="Gender (optional)"
        hint="Some clients look for a counselor of a particular gender. Leave empty if you prefer."
        registration={register('gender')}
        error={errors.gender}
      />
      <SubmitButton busy={isSubmitting} busyLabel="Sending…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

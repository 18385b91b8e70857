import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { CheckboxGroup } from '@/components/checkbox-group';
import { ErrorNotice } from '@/components/status';
import { useSpecialties } from '@/lib/api/counselors';
import { LANGUAGES } from '@/lib/languages';

const LANGUAGE_OPTIONS = Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }));

interface Field {
  registration: UseFormRegisterReturn;
  error?: { message?: string };
}

/** The languages a counselor works in and their specialties: the same choices in the application and the profile. */
export function PracticeFields({ languages, specialties }: { languages: Field; specialties: Field }) {
  const list = useSpecialties();
  return (
    <>
      <CheckboxGroup
        legend="Languages you counsel in"
        options={LANGUAGE_OPTIONS}
        registration={languages.registration}
        error={languages.error as FieldError | undefined}
      />
      {list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <CheckboxGroup
          legend="Specialties"
          hint={list.isPending ? 'Loading specialties…' : 'Choose up to 15.'}
          options={(list.data ?? []).map((s) => ({ value: s.slug, label: s.name }))}
          registration={specialties.registration}
          error={specialties.error as FieldError | undefined}
        />
      )}
    </>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormError, SubmitButton, TextField } from '@/components/field';
import { useCreateOffering } from '../api/offerings';
import { showRenamedApiErrors } from '../utils/api-errors';
import {
  MODE_LABELS,
  MODES,
  type NewOfferingForm,
  type NewOfferingFormInput,
  newOfferingBody,
  newOfferingSchema,
  OFFERING_FIELD_OF,
} from '../utils/offering-form';
import { PriceFields } from './price-fields';

const EMPTY: NewOfferingFormInput = { title: '', mode: 'video', durationMinutes: '50', free: false, price: '' };

export function NewOfferingForm() {
  const id = useId();
  const create = useCreateOffering();
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<NewOfferingFormInput, unknown, NewOfferingForm>({
    resolver: zodResolver(newOfferingSchema),
    defaultValues: EMPTY,
  });

  const free = useWatch({ control, name: 'free' });

  const submit = handleSubmit(async (form) => {
    setCreated(null);
    try {
      const offering = await create.mutateAsync(newOfferingBody(form));
      reset(EMPTY);
      setCreated(offering.title);
    } catch (error) {
      showRenamedApiErrors(error, Object.values(OFFERING_FIELD_OF), (field) => OFFERING_FIELD_OF[field], setError);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="card wide" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New session type</h2>
      <FormError message={errors.root?.message} />
      <TextField
        label="Title"
        hint="e.g. Video session, Free first chat"
        registration={register('title')}
        error={errors.title}
      />
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-mode`}>Mode</label>
          <p id={`${id}-mode-hint`} className="hint">
            How you meet
          </p>
          <select id={`${id}-mode`} aria-describedby={`${id}-mode-hint`} {...register('mode')}>
            {MODES.map((mode) => (
              <option key={mode} value={mode}>
                {MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Length (minutes)"
          type="number"
          hint="15 to 120"
          registration={register('durationMinutes')}
          error={errors.durationMinutes}
        />
      </div>
      <PriceFields
        free={free}
        freeRegistration={register('free')}
        priceRegistration={register('price')}
        error={errors.price}
      />
      <SubmitButton busy={isSubmitting} busyLabel="Publishing…">
        Publish
      </SubmitButton>
      <p role="status" className="saved">
        {created ? `Published “${created}”.` : ''}
      </p>
    </form>
  );
}

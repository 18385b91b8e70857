import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormError, TextField } from '@/components/field';
import type { components } from '@/lib/api/schema';
import { showApiErrors } from '@/lib/form-errors';
import { currentZoneName, timeZoneLabel, viewerTimeZone } from '@/lib/format';
import { useUpdateMe } from '../api/me';

const accountSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'At most 100 characters'),
  phone: z.string().trim(),
  timezone: z.string().min(1, 'Choose a time zone'),
});
type AccountForm = z.infer<typeof accountSchema>;

function timeZones(current: string): string[] {
  const known = [...new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName))].sort();
  return known.includes(current) ? known : [current, ...known];
}

export function AccountForm({ user }: { user: components['schemas']['UserDto'] }) {
  const id = useId();
  const update = useUpdateMe();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AccountForm>({
    resolver: zodResolver(accountSchema),
    defaultValues: { name: user.name, phone: user.phone ?? '', timezone: user.timezone },
  });

  const onSubmit = handleSubmit(async ({ phone, ...form }) => {
    setSaved(false);
    try {
      await update.mutateAsync({ ...form, phone: phone || null });
      setSaved(true);
    } catch (error) {
      showApiErrors(error, ['name', 'phone', 'timezone'], setError);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={errors.root?.message} />
      <TextField label="Name" autoComplete="name" registration={register('name')} error={errors.name} />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="tel"
        hint="With the country code, e.g. +919876543210. Leave empty to remove."
        registration={register('phone')}
        error={errors.phone}
      />
      <div className="field">
        <label htmlFor={`${id}-tz`}>Time zone</label>
        <p id={`${id}-tz-hint`} className="hint">
          This device is on {timeZoneLabel(viewerTimeZone())}.
        </p>
        <select
          id={`${id}-tz`}
          aria-describedby={`${id}-tz-hint${errors.timezone ? ` ${id}-tz-error` : ''}`}
          aria-invalid={errors.timezone ? true : undefined}
          {...register('timezone')}
        >
          {timeZones(user.timezone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {errors.timezone?.message && (
          <p id={`${id}-tz-error`} className="field-error">
            {errors.timezone.message}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save'}
      </button>
      <p role="status" className="saved">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}

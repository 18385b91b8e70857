import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormError, SelectField, SubmitButton, TextField } from '@/components/field';
import type { components } from '@/lib/api/schema';
import { showApiErrors } from '@/lib/form-errors';
import { timeZoneLabel, viewerTimeZone } from '@/lib/format';
import { timeZoneOptions } from '@/lib/zoned-time';
import { useUpdateMe } from '../api/me';

const accountSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'At most 100 characters'),
  phone: z.string().trim(),
  timezone: z.string().min(1, 'Choose a time zone'),
});
type AccountForm = z.infer<typeof accountSchema>;

export function AccountForm({ user }: { user: components['schemas']['UserDto'] }) {
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
      <SelectField
        label="Time zone"
        hint={`This device is on ${timeZoneLabel(viewerTimeZone())}.`}
        options={timeZoneOptions(user.timezone)}
        registration={register('timezone')}
        error={errors.timezone}
      />
      <SubmitButton busy={isSubmitting} busyLabel="Saving…">
        Save
      </SubmitButton>
      <p role="status" className="saved">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}

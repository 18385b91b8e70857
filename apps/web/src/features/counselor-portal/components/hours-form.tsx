import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import {
  type Control,
  type FieldErrors,
  useFieldArray,
  useForm,
  type UseFormRegister,
  useWatch,
} from 'react-hook-form';
import { FormError, SelectField, SubmitButton, TextField } from '@/components/field';
import { timeZoneLabel } from '@/lib/format';
import { timeZoneOptions } from '@/lib/zoned-time';
import { type Availability, useSaveAvailability } from '../api/availability';
import { showRenamedApiErrors } from '../utils/api-errors';
import {
  availabilityFromForm,
  DAY_NAMES,
  DAYS,
  formFromAvailability,
  formPath,
  hoursFieldPaths,
  type HoursForm as Form,
  type HoursFormInput,
  hoursFormSchema,
} from '../utils/hours-form';

/** Weekly hours, date overrides and booking rules: one availability, saved together. */
export function HoursForm({ availability }: { availability: Availability }) {
  const save = useSaveAvailability();
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<HoursFormInput, unknown, Form>({
    resolver: zodResolver(hoursFormSchema),
    defaultValues: formFromAvailability(availability),
  });
  const weekly = useFieldArray({ control, name: 'weekly' });
  const overrides = useFieldArray({ control, name: 'overrides' });
  const timezone = useWatch({ control, name: 'timezone' });
  const overrideValues = useWatch({ control, name: 'overrides' });

  const submit = handleSubmit(async (form) => {
    setSaved(false);
    try {
      await save.mutateAsync(availabilityFromForm(form));
      setSaved(true);
    } catch (error) {
      showRenamedApiErrors(error, hoursFieldPaths(getValues()) as never[], formPath, setError);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="wide hours-form">
      <FormError message={errors.root?.message} />
      <SelectField
        label="Your time zone"
        hint={`Your hours are wall-clock times here: ${timeZoneLabel(timezone)}.`}
        options={timeZoneOptions(availability.timezone)}
        registration={register('timezone')}
        error={errors.timezone}
      />

      <h2>Weekly hours</h2>
      {DAYS.map((day) => {
        const rows = weekly.fields.map((field, index) => ({ field, index })).filter(({ field }) => field.day === day);
        return (
          <fieldset key={day} className="day-hours">
            <legend>{DAY_NAMES[day]}</legend>
            {rows.length === 0 && <p className="muted">Not available</p>}
            {rows.map(({ field, index }, position) => (
              <div key={field.id} className="window-row">
                <TimeInput
                  label="From"
                  context={`${DAY_NAMES[day]}, hours ${position + 1}`}
                  registration={register(`weekly.${index}.start`)}
                  error={errors.weekly?.[index]?.start?.message}
                />
                <TimeInput
                  label="To"
                  context={`${DAY_NAMES[day]}, hours ${position + 1}`}
                  registration={register(`weekly.${index}.end`)}
                  error={errors.weekly?.[index]?.end?.message ?? errors.weekly?.[index]?.message}
                />
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => weekly.remove(index)}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    {DAY_NAMES[day]} hours {position + 1}
                  </span>
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => weekly.append({ day, start: '09:00', end: '17:00' })}
            >
              Add hours<span className="visually-hidden"> on {DAY_NAMES[day]}</span>
            </button>
          </fieldset>
        );
      })}
      {errors.weekly?.message && <p className="field-error">{errors.weekly.message}</p>}

      <h2>Dates that differ</h2>
      <p className="muted">
        A holiday, or a day with other hours than usual. These replace the weekly hours of that date.
      </p>
      {overrides.fields.map((field, index) => (
        <fieldset key={field.id} className="day-hours">
          <legend>Date {index + 1}</legend>
          <TextField
            label="Date"
            type="date"
            registration={register(`overrides.${index}.date`)}
            error={errors.overrides?.[index]?.date}
          />
          <label className="checkbox">
            <input type="checkbox" {...register(`overrides.${index}.dayOff`)} />
            <span>Day off</span>
          </label>
          {!overrideValues[index]?.dayOff && (
            <OverrideWindows control={control} register={register} errors={errors} index={index} />
          )}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => overrides.remove(index)}
          >
            Remove date {index + 1}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => overrides.append({ date: '', dayOff: true, windows: [{ start: '09:00', end: '13:00' }] })}
        >
          Add a date
        </button>
      </p>

      <h2>Booking rules</h2>
      <div className="rules-grid">
        <TextField
          label="Break after each session (minutes)"
          type="number"
          hint="0 to 120"
          registration={register('bufferMinutes')}
          error={errors.bufferMinutes}
        />
        <TextField
          label="Minimum notice (minutes)"
          type="number"
          hint="How soon before a session clients may still book it. 120 = 2 hours."
          registration={register('minNoticeMinutes')}
          error={errors.minNoticeMinutes}
        />
        <TextField
          label="Booking window (days ahead)"
          type="number"
          hint="1 to 365"
          registration={register('maxAdvanceDays')}
          error={errors.maxAdvanceDays}
        />
        <TextField
          label="Start times every (minutes, optional)"
          type="number"
          hint="Empty: every session length. 5 to 240."
          registration={register('slotIntervalMinutes')}
          error={errors.slotIntervalMinutes}
        />
      </div>
      <div className="save-row">
        <SubmitButton busy={isSubmitting} busyLabel="Saving…">
          Save hours
        </SubmitButton>
        <p role="status" className="saved">
          {saved ? 'Saved. Clients see your new times now.' : ''}
        </p>
      </div>
    </form>
  );
}

function OverrideWindows({
  control,
  register,
  errors,
  index,
}: {
  control: Control<HoursFormInput, unknown, Form>;
  register: UseFormRegister<HoursFormInput>;
  errors: FieldErrors<HoursFormInput>;
  index: number;
}) {
  const windows = useFieldArray({ control, name: `overrides.${index}.windows` });
  return (
    <>
      {windows.fields.map((field, position) => (
        <div key={field.id} className="window-row">
          <TimeInput
            label="From"
            context={`date ${index + 1}, hours ${position + 1}`}
            registration={register(`overrides.${index}.windows.${position}.start`)}
            error={errors.overrides?.[index]?.windows?.[position]?.start?.message}
          />
          <TimeInput
            label="To"
            context={`date ${index + 1}, hours ${position + 1}`}
            registration={register(`overrides.${index}.windows.${position}.end`)}
            error={errors.overrides?.[index]?.windows?.[position]?.end?.message}
          />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => windows.remove(position)}
          >
            Remove
            <span className="visually-hidden">
              {' '}
              date {index + 1} hours {position + 1}
            </span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => windows.append({ start: '09:00', end: '13:00' })}
      >
        Add hours<span className="visually-hidden"> on date {index + 1}</span>
      </button>
    </>
  );
}

function TimeInput({
  label,
  context,
  registration,
  error,
}: {
  label: string;
  context: string;
  registration: ReturnType<UseFormRegister<HoursFormInput>>;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="field time-field">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> ({context})</span>
      </label>
      <input
        id={id}
        type="time"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

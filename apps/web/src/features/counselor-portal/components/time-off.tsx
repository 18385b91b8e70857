import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormError, SubmitButton, TextField } from '@/components/field';
import { Empty, ErrorNotice, QueryView } from '@/components/status';
import { formatDay, formatTime, timeZoneLabel } from '@/lib/format';
import { showApiErrors } from '@/lib/form-errors';
import { zonedToUtc } from '@/lib/zoned-time';
import { useCreateTimeOff, useDeleteTimeOff, useUpcomingTimeOff } from '../api/availability';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'Choose a date and time');
const timeOffSchema = z
  .object({ from: localDateTime, to: localDateTime, reason: z.string().trim().max(200, 'At most 200 characters') })
  .refine((value) => value.from < value.to, { message: 'Must end after it starts', path: ['to'] });
type TimeOffForm = z.infer<typeof timeOffSchema>;

function instant(local: string, timeZone: string): string {
  const [date, time] = local.split('T') as [string, string];
  return zonedToUtc(date, time.slice(0, 5), timeZone).toISOString();
}

/** Blocks of time off (holidays, a conference): no slots inside them. */
export function TimeOff({ timeZone }: { timeZone: string }) {
  const timeOff = useUpcomingTimeOff();
  const create = useCreateTimeOff();
  const remove = useDeleteTimeOff();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TimeOffForm>({ resolver: zodResolver(timeOffSchema), defaultValues: { from: '', to: '', reason: '' } });

  const submit = handleSubmit(async (form) => {
    try {
      await create.mutateAsync({
        startsAt: instant(form.from, timeZone),
        endsAt: instant(form.to, timeZone),
        ...(form.reason ? { reason: form.reason } : {}),
      });
      reset();
    } catch (error) {
      showApiErrors(error, ['reason'], setError);
    }
  });

  const when = (at: string) => `${formatDay(at, timeZone)}, ${formatTime(at, timeZone)}`;
  return (
    <section aria-labelledby="time-off-heading" className="wide">
      <h2 id="time-off-heading">Time off</h2>
      <p className="zone-note">Times in {timeZoneLabel(timeZone)}</p>
      <QueryView query={timeOff} loading="Loading time off…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No time off planned.</Empty>
          ) : (
            <ul className="stack">
              {data.items.map((block) => (
                <li key={block.id} className="card time-off-item">
                  <p>
                    <strong>
                      {when(block.startsAt)} – {when(block.endsAt)}
                    </strong>
                    {block.reason && <span className="muted"> · {block.reason}</span>}
                  </p>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(block.id)}
                  >
                    Remove<span className="visually-hidden"> time off from {when(block.startsAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {remove.isError && <ErrorNotice error={remove.error} />}
      <form onSubmit={submit} noValidate className="card time-off-form">
        <h3>Add time off</h3>
        <FormError message={errors.root?.message} />
        <div className="inline-form">
          <TextField label="From" type="datetime-local" registration={register('from')} error={errors.from} />
          <TextField label="Until" type="datetime-local" registration={register('to')} error={errors.to} />
        </div>
        <TextField
          label="Note (optional)"
          hint="Only you see it."
          registration={register('reason')}
          error={errors.reason}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Adding…">
          Add time off
        </SubmitButton>
      </form>
    </section>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormError, TextField } from '@/components/field';
import { ErrorNotice } from '@/components/status';
import { formatRupees } from '@/lib/format';
import { type Offering, useUpdateOffering } from '../api/offerings';
import { showRenamedApiErrors } from '../utils/api-errors';
import {
  changesFormOf,
  MODE_LABELS,
  OFFERING_FIELD_OF,
  type OfferingChangesForm,
  offeringChangesSchema,
  pricePaise,
} from '../utils/offering-form';
import { PriceFields } from './price-fields';

/** One offering: what clients see, edit title and price, take it off sale or put it back. */
export function OfferingItem({ offering }: { offering: Offering }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateOffering();
  const headingId = `offering-${offering.id}`;

  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="page-head">
        <h3 id={headingId} className="card-title">
          {offering.title}
        </h3>
        {offering.active ? <span className="badge">On offer</span> : <span className="badge badge-muted">Hidden</span>}
      </div>
      <p>
        {MODE_LABELS[offering.mode]} · {offering.durationMinutes} min ·{' '}
        <strong>{offering.pricePaise === 0 ? 'Free' : formatRupees(offering.pricePaise)}</strong>
      </p>
      {update.isError && <ErrorNotice error={update.error} />}
      {editing ? (
        <EditOffering offering={offering} onDone={() => setEditing(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> {offering.title}</span>
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: offering.id, changes: { active: !offering.active } })}
          >
            {offering.active ? 'Hide from clients' : 'Offer again'}
            <span className="visually-hidden"> {offering.title}</span>
          </button>
        </div>
      )}
    </article>
  );
}

function EditOffering({ offering, onDone }: { offering: Offering; onDone: () => void }) {
  const update = useUpdateOffering();
  const {
    register,
    handleSubmit,
    setError,
    control,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<OfferingChangesForm>({
    resolver: zodResolver(offeringChangesSchema),
    defaultValues: changesFormOf(offering),
  });

  const free = useWatch({ control, name: 'free' });
  // The Edit button that opened this form is gone: carry focus into the form.
  useEffect(() => setFocus('title'), [setFocus]);

  const submit = handleSubmit(async (form) => {
    try {
      await update.mutateAsync({ id: offering.id, changes: { title: form.title, pricePaise: pricePaise(form) } });
      onDone();
    } catch (error) {
      showRenamedApiErrors(error, ['title', 'price'], (field) => OFFERING_FIELD_OF[field], setError);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="confirm-panel">
      <FormError message={errors.root?.message} />
      <TextField label="Title" registration={register('title')} error={errors.title} />
      <PriceFields
        free={free}
        freeRegistration={register('free')}
        priceRegistration={register('price')}
        error={errors.price}
      />
      <p className="hint">Sessions already booked keep the price they were booked at.</p>
      <div className="actions">
        <button type="submit" className="button button-small" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

import { useId } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';

/** "Free" or a price in rupees; the price input is hidden while "Free" is ticked. */
export function PriceFields({
  free,
  freeRegistration,
  priceRegistration,
  error,
}: {
  free: boolean;
  freeRegistration: UseFormRegisterReturn;
  priceRegistration: UseFormRegisterReturn;
  error?: FieldError;
}) {
  const id = useId();
  return (
    <div className="price-fields">
      <label className="checkbox">
        <input type="checkbox" {...freeRegistration} />
        <span>Free (for example a first chat)</span>
      </label>
      {!free && (
        <div className="field">
          <label htmlFor={id}>Price (₹)</label>
          <p id={`${id}-hint`} className="hint">
            From ₹30. Clients pay this, taxes included.
          </p>
          <input
            id={id}
            inputMode="decimal"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            {...priceRegistration}
          />
          {error?.message && (
            <p id={`${id}-error`} className="field-error">
              {error.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

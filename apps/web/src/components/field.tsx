import { type ReactNode, useId } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';

interface FieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  hint?: string;
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, a hint and the field's error (client-side or from the API) around one control, tied to it for screen readers. */
function Field({
  label,
  registration,
  error,
  hint,
  control,
}: FieldProps & { control: (props: ControlProps & UseFormRegisterReturn) => ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, ...registration })}
      {error?.message && (
        <p id={`${id}-error`} className="field-error">
          {error.message}
        </p>
      )}
    </div>
  );
}

export function TextField({
  type = 'text',
  autoComplete,
  ...field
}: FieldProps & { type?: string; autoComplete?: string }) {
  return <Field {...field} control={(props) => <input type={type} autoComplete={autoComplete} {...props} />} />;
}

export function TextAreaField({ rows = 4, ...field }: FieldProps & { rows?: number }) {
  return <Field {...field} control={(props) => <textarea rows={rows} {...props} />} />;
}

/** A choice among `options`, each shown as its own value. */
export function SelectField({ options, ...field }: FieldProps & { options: readonly string[] }) {
  return (
    <Field
      {...field}
      control={(props) => (
        <select {...props}>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}

/** A form's submit button: while the form is being sent it is disabled and says so (`busyLabel`). */
export function SubmitButton({ busy, busyLabel, children }: { busy: boolean; busyLabel: string; children: ReactNode }) {
  return (
    <button type="submit" className="button" disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}

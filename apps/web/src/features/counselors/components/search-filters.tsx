import { useId } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useSpecialties } from '@/lib/api/counselors';
import { LANGUAGES } from '@/lib/languages';
import { OFFERING_MODES, type SearchForm, searchFormErrors } from '../utils/search-params';

const searchFormResolver: Resolver<SearchForm> = (values) => {
  const problems = Object.entries(searchFormErrors(values));
  if (problems.length === 0) return { values, errors: {} };
  const errors: FieldErrors<SearchForm> = {};
  for (const [field, message] of problems) errors[field as keyof SearchForm] = { type: 'validate', message };
  return { values: {}, errors };
};

const MODE_LABELS: Record<(typeof OFFERING_MODES)[number], string> = { video: 'Video', audio: 'Phone', chat: 'Chat' };
const SORT_LABELS = {
  relevance: 'Best match',
  price: 'Lowest price',
  rating: 'Highest rated',
  availability: 'Soonest free',
};

interface Props {
  initial: SearchForm;
  onSearch: (form: SearchForm) => void;
}

export function SearchFilters({ initial, onSearch }: Props) {
  const id = useId();
  const specialties = useSpecialties();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SearchForm>({ resolver: searchFormResolver, values: initial });

  // Until the list arrives, the chosen specialty stays selectable so a deep link keeps its filter.
  const specialtyOptions =
    specialties.data ?? (initial.specialty ? [{ slug: initial.specialty, name: initial.specialty }] : []);
  const fieldId = (name: string) => `${id}-${name}`;
  const errorOf = (name: keyof SearchForm) =>
    errors[name]?.message ? (
      <p id={`${fieldId(name)}-error`} className="field-error">
        {errors[name]?.message}
      </p>
    ) : null;
  const invalid = (name: keyof SearchForm) =>
    errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(name)}-error` } : {};

  return (
    <form className="search-form" role="search" aria-label="Find a counselor" onSubmit={handleSubmit(onSearch)}>
      <div className="field field-wide">
        <label htmlFor={fieldId('q')}>What would you like help with?</label>
        <input
          id={fieldId('q')}
          type="search"
          placeholder="e.g. anxiety, exam stress"
          {...register('q')}
          {...invalid('q')}
        />
        {errorOf('q')}
      </div>
      <details
        className="filters"
        open={Boolean(
          initial.specialty || initial.language || initial.mode || initial.maxPrice || initial.availableFrom,
        )}
      >
        <summary>Filters</summary>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor={fieldId('specialty')}>Specialty</label>
            <select id={fieldId('specialty')} {...register('specialty')}>
              <option value="">Any specialty</option>
              {specialtyOptions.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId('language')}>Language</label>
            <select id={fieldId('language')} {...register('language')}>
              <option value="">Any language</option>
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId('mode')}>Session type</label>
            <select id={fieldId('mode')} {...register('mode')}>
              <option value="">Any</option>
              {OFFERING_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {MODE_LABELS[mode]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId('maxPrice')}>Max price (₹)</label>
            <input
              id={fieldId('maxPrice')}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              {...register('maxPrice')}
              {...invalid('maxPrice')}
            />
            {errorOf('maxPrice')}
          </div>
          <div className="field">
            <label htmlFor={fieldId('availableFrom')}>Free from</label>
            <input
              id={fieldId('availableFrom')}
              type="date"
              {...register('availableFrom')}
              {...invalid('availableFrom')}
            />
            {errorOf('availableFrom')}
          </div>
          <div className="field">
            <label htmlFor={fieldId('availableTo')}>Free until</label>
            <input id={fieldId('availableTo')} type="date" {...register('availableTo')} {...invalid('availableTo')} />
            {errorOf('availableTo')}
          </div>
        </div>
      </details>
      <div className="search-actions">
        <div className="field field-inline">
          <label htmlFor={fieldId('sort')}>Sort by</label>
          <select id={fieldId('sort')} {...register('sort')}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </form>
  );
}

import {
  type CreateOfferingRequest,
  DIRECTORY_LIMITS as L,
  OFFERING_MODES,
  type OfferingMode,
  type UpdateOfferingRequest,
} from '@haven/contracts';
import { FieldErrors } from '@haven/common';

/** 0 (a free offering) or at least Rs 1 (Razorpay's minimum charge), in whole paise. */
export function price(value: unknown, errors: FieldErrors): number | undefined {
  const paise = errors.integer(value, 'pricePaise', { min: 0, max: L.maxPricePaise });
  if (paise === undefined) return undefined;
  if (paise > 0 && paise < L.minPaidPricePaise) {
    errors.add('pricePaise', `must be 0 (free) or at least ${L.minPaidPricePaise} paise (Rs 1)`);
    return undefined;
  }
  return paise;
}

export function cleanNewOffering(input: Partial<CreateOfferingRequest> | undefined): CreateOfferingRequest {
  const errors = new FieldErrors();
  const source = input ?? {};
  const title = errors.text(source.title, 'title', { max: L.maxOfferingTitleLength });
  let mode: OfferingMode | undefined;
  if (source.mode === undefined) errors.add('mode', 'is required');
  else if (!OFFERING_MODES.includes(source.mode)) errors.add('mode', `must be one of ${OFFERING_MODES.join(', ')}`);
  else mode = source.mode;
  const durationMinutes =
    source.durationMinutes === undefined
      ? (errors.add('durationMinutes', 'is required'), undefined)
      : errors.integer(source.durationMinutes, 'durationMinutes', {
          min: L.minDurationMinutes,
          max: L.maxDurationMinutes,
        });
  const pricePaise =
    source.pricePaise === undefined
      ? (errors.add('pricePaise', 'is required'), undefined)
      : price(source.pricePaise, errors);
  errors.throwIfAny();
  return { title: title!, mode: mode!, durationMinutes: durationMinutes!, pricePaise: pricePaise! };
}

export type OfferingChanges = Partial<Pick<UpdateOfferingRequest, 'title' | 'pricePaise' | 'active'>>;

/** Title, price and whether it is offered; mode and duration are fixed once created. */
export function cleanOfferingChanges(input: Partial<UpdateOfferingRequest> | undefined): OfferingChanges {
  const errors = new FieldErrors();
  const source = input ?? {};
  const changes: OfferingChanges = {};
  if (source.title !== undefined) changes.title = errors.text(source.title, 'title', { max: L.maxOfferingTitleLength });
  if (source.pricePaise !== undefined) changes.pricePaise = price(source.pricePaise, errors);
  if (source.active !== undefined) {
    if (typeof source.active !== 'boolean') errors.add('active', 'must be true or false');
    else changes.active = source.active;
  }
  errors.throwIfAny();
  return changes;
}

/**
 * Whether a counselor holding these offerings may add one (or put one back on offer): at most
 * DIRECTORY_LIMITS.maxActiveOfferings on offer at once and maxOfferings in all. The problem, or undefined.
 */
export function offeringCapProblem(
  held: { active: number; total: number },
  adding: 'new' | 'reactivated',
): string | undefined {
  if (adding === 'new' && held.total >= L.maxOfferings) {
    return `A counselor may keep at most ${L.maxOfferings} offerings, inactive ones included`;
  }
  if (held.active >= L.maxActiveOfferings) {
    return `A counselor may have at most ${L.maxActiveOfferings} active offerings; deactivate one first`;
  }
  return undefined;
}

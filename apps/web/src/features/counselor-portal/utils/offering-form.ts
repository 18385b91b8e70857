import { z } from 'zod';
import type { NewOffering, Offering } from '../api/offerings';
import { paiseToRupeesText, priceProblem, rupeesToPaise } from './price';
import { wholeNumber } from './whole-number';

export const MODES = ['video', 'audio', 'chat'] as const;
export const MODE_LABELS: Record<(typeof MODES)[number], string> = { video: 'Video', audio: 'Phone', chat: 'Chat' };

const priced = z.object({ free: z.boolean(), price: z.string() }).superRefine((value, context) => {
  const problem = priceProblem(value.free, value.price);
  if (problem) context.addIssue({ code: 'custom', message: problem, path: ['price'] });
});

export const newOfferingSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the session a title').max(120, 'At most 120 characters'),
    mode: z.enum(MODES),
    durationMinutes: wholeNumber(15, 120, 'minutes'),
  })
  .and(priced);
export type NewOfferingFormInput = z.input<typeof newOfferingSchema>;
export type NewOfferingForm = z.output<typeof newOfferingSchema>;

export const offeringChangesSchema = z
  .object({ title: z.string().trim().min(1, 'Give the session a title').max(120, 'At most 120 characters') })
  .and(priced);
export type OfferingChangesForm = z.output<typeof offeringChangesSchema>;

/** Paise of a price the schema accepted. */
export function pricePaise(form: { free: boolean; price: string }): number {
  return form.free ? 0 : rupeesToPaise(form.price)!;
}

export function newOfferingBody(form: NewOfferingForm): NewOffering {
  return { title: form.title, mode: form.mode, durationMinutes: form.durationMinutes, pricePaise: pricePaise(form) };
}

export function changesFormOf(offering: Offering): OfferingChangesForm {
  return {
    title: offering.title,
    free: offering.pricePaise === 0,
    price: offering.pricePaise === 0 ? '' : paiseToRupeesText(offering.pricePaise),
  };
}

/** Form field ← the API's field name. */
export const OFFERING_FIELD_OF: Record<string, 'title' | 'mode' | 'durationMinutes' | 'price'> = {
  title: 'title',
  mode: 'mode',
  durationMinutes: 'durationMinutes',
  pricePaise: 'price',
};

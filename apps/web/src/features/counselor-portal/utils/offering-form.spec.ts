import { describe, expect, it } from 'vitest';
import { changesFormOf, newOfferingBody, newOfferingSchema } from './offering-form';

describe('the offering form', () => {
  it('sends rupees as paise and a free session as 0', () => {
    const paid = newOfferingSchema.parse({
      title: 'Video session',
      mode: 'video',
      durationMinutes: '50',
      free: false,
      price: '1,500',
    });
    expect(newOfferingBody(paid)).toEqual({
      title: 'Video session',
      mode: 'video',
      durationMinutes: 50,
      pricePaise: 1_50_000,
    });
    const free = newOfferingSchema.parse({
      title: 'First chat',
      mode: 'chat',
      durationMinutes: '15',
      free: true,
      price: '',
    });
    expect(newOfferingBody(free).pricePaise).toBe(0);
  });

  it('refuses a paid price under Rs 30 and a length outside 15–120 minutes, naming the field', () => {
    const result = newOfferingSchema.safeParse({
      title: 'x',
      mode: 'audio',
      durationMinutes: '10',
      free: false,
      price: '20',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['durationMinutes', 'price']);
  });

  it('edits an existing price in rupees', () => {
    expect(
      changesFormOf({
        id: 'o',
        counselorId: 'c',
        title: 'T',
        mode: 'video',
        durationMinutes: 50,
        pricePaise: 4_950,
        currency: 'INR',
        active: true,
      }),
    ).toEqual({
      title: 'T',
      free: false,
      price: '49.50',
    });
  });
});

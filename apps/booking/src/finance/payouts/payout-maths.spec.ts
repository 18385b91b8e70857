import { describe, expect, it } from 'vitest';
import { payoutFigures, payoutRefusal } from './payout-maths';

describe('payout figures (commission policy)', () => {
  it('takes 20 % of what the platform keeps and pays the rest', () => {
    expect(payoutFigures({ grossPaise: 100_000, refundsPaise: 25_000, paidOutPaise: 0 }, 20)).toEqual({
      grossPaise: 100_000,
      refundsPaise: 25_000,
      paidOutPaise: 0,
      commissionPaise: 15_000,
      netPaise: 60_000,
      owedPaise: 60_000,
    });
  });

  it('rounds the commission of the month once, to the nearest paisa (half up)', () => {
    // 3 × 12 343 = 37 029 → 7 405.8 → 7 406, not 3 × round(2 468.6) = 7 407.
    const figures = payoutFigures({ grossPaise: 37_029, refundsPaise: 0, paidOutPaise: 0 }, 20);
    expect(figures.commissionPaise).toBe(7_406);
    expect(figures.netPaise).toBe(29_623);
    expect(payoutFigures({ grossPaise: 12_345 + 5, refundsPaise: 5, paidOutPaise: 0 }, 20).commissionPaise).toBe(2_469);
    expect(payoutFigures({ grossPaise: 25, refundsPaise: 0, paidOutPaise: 0 }, 20).commissionPaise).toBe(5);
    expect(payoutFigures({ grossPaise: 3, refundsPaise: 0, paidOutPaise: 0 }, 20).commissionPaise).toBe(1);
  });

  it('owes what the net exceeds the payouts by, never less than nothing', () => {
    const figures = payoutFigures({ grossPaise: 50_000, refundsPaise: 0, paidOutPaise: 30_000 }, 20);
    expect(figures.owedPaise).toBe(10_000);
    expect(payoutRefusal(figures, 10_000)).toBeNull();
    expect(payoutRefusal(figures, 10_001)).toMatch(/more than the 10000 paise still owed/);
    // A month of refunds only (payments of an earlier month): the counselor owes, nothing is payable.
    const refundsOnly = payoutFigures({ grossPaise: 0, refundsPaise: 50_000, paidOutPaise: 0 }, 20);
    expect(refundsOnly.netPaise).toBe(-40_000);
    expect(refundsOnly.owedPaise).toBe(0);
    expect(payoutRefusal(refundsOnly, 100)).not.toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { maskPhone } from './sms-provider';

describe('maskPhone', () => {
  it('keeps the country code and the last four digits only', () => {
    expect(maskPhone('+919876543210')).toBe('+91******3210');
    expect(maskPhone('+91 98765 43210')).toBe('+91******3210');
    expect(maskPhone('123')).toBe('****');
  });
});

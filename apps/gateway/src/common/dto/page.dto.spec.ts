import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { createValidationPipe } from '../validation.pipe';
import { PageQueryDto } from './page.dto';

const query = (value: Record<string, unknown>) =>
  createValidationPipe().transform(value, { type: 'query', metatype: PageQueryDto }) as Promise<PageQueryDto>;

async function details(value: Record<string, unknown>): Promise<{ field: string; message: string }[]> {
  const error = await query(value).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BadRequestException);
  return ((error as BadRequestException).getResponse() as { details: { field: string; message: string }[] }).details;
}

describe('PageQueryDto', () => {
  it('defaults to the first page of 20, also when page and limit are sent empty', async () => {
    expect(await query({})).toMatchObject({ page: 1, limit: 20 });
    expect(await query({ page: '', limit: '' })).toMatchObject({ page: 1, limit: 20 });
  });

  it('reads digits as numbers', async () => {
    expect(await query({ page: '3', limit: '100' })).toMatchObject({ page: 3, limit: 100 });
  });

  it('names a page or limit that is not a whole number in range', async () => {
    expect(await details({ limit: '101' })).toEqual([
      { field: 'limit', message: 'must be a whole number from 1 to 100' },
    ]);
    for (const limit of ['0', '1e2', '0x10', ' 5', '2.0', 'many']) {
      expect((await details({ limit })).map((detail) => detail.field)).toEqual(['limit']);
    }
    for (const page of ['0', 'abc', '1000001', '99999999999999999999']) {
      expect((await details({ page })).map((detail) => detail.field)).toEqual(['page']);
    }
  });
});

import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { createValidationPipe } from './validation.pipe';

class WindowDto {
  @IsString()
  start: string;
}

class ScheduleDto {
  @ValidateNested({ each: true })
  @Type(() => WindowDto)
  windows: WindowDto[];

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number;
}

const validate = (value: unknown) =>
  createValidationPipe().transform(value, { type: 'body', metatype: ScheduleDto }) as Promise<ScheduleDto>;

async function rejection(value: unknown): Promise<{ message: string; details: { field: string }[] }> {
  const error = await validate(value).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BadRequestException);
  return (error as BadRequestException).getResponse() as { message: string; details: { field: string }[] };
}

describe('the gateway validation pipe', () => {
  it('converts query strings to numbers and nested objects to their classes', async () => {
    const result = await validate({ windows: [{ start: '09:00' }], limit: '20' });
    expect(result.limit).toBe(20);
    expect(result.windows[0]).toBeInstanceOf(WindowDto);
  });

  it('names a bad field inside a nested array by its path', async () => {
    const { details } = await rejection({ windows: [{ start: '09:00' }, { start: 9 }], limit: 5 });
    expect(details.map((detail) => detail.field)).toEqual(['windows[1].start']);
  });

  it('rejects unknown fields, also nested ones, by name', async () => {
    const { details, message } = await rejection({
      windows: [{ start: '09:00', colour: 'red' }],
      limit: 5,
      roles: ['admin'],
    });
    expect(details.map((detail) => detail.field).sort()).toEqual(['roles', 'windows[0].colour']);
    expect(message).toContain('roles: is not allowed');
  });

  it('rejects a number out of range and a non-number', async () => {
    expect((await rejection({ windows: [], limit: '1000' })).details[0].field).toBe('limit');
    expect((await rejection({ windows: [], limit: 'many' })).details[0].field).toBe('limit');
  });

  it('says "is required" for a missing field, once, whatever its other rules', async () => {
    const { details, message } = await rejection({ windows: [] });
    expect(details).toEqual([{ field: 'limit', message: 'is required' }]);
    expect(message).toBe('limit: is required');
  });

  it('reports one message per bad field, the type before the ranges, without repeating its name', async () => {
    const { details } = await rejection({ windows: [], limit: 'many' });
    expect(details).toEqual([{ field: 'limit', message: 'must be a whole number' }]);
    const { details: high } = await rejection({ windows: [], limit: 1000 });
    expect(high).toEqual([{ field: 'limit', message: 'must be at most 100' }]);
  });

  it('does not report the entries of a field that is not even an array', async () => {
    const { details } = await rejection({ windows: 'none', limit: 5 });
    expect(details).toHaveLength(1);
    expect(details[0].field).toBe('windows');
  });
});

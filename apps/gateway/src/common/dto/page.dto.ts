import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsWholeNumber, QueryWholeNumber } from './validators';

/** `?page=&limit=` of every list; left out or sent empty, they take the defaults. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @QueryWholeNumber()
  @IsOptional()
  @IsWholeNumber({ min: 1, max: MAX_PAGE })
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @QueryWholeNumber()
  @IsOptional()
  @IsWholeNumber({ min: 1, max: MAX_PAGE_SIZE })
  limit: number = DEFAULT_PAGE_SIZE;
}

interface PageShape<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** A documented `{items, total, page, limit}` of `item`. */
export function pageDto<T>(item: new () => T): new () => PageShape<T> {
  class PageOf {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
    @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }) limit: number;
  }
  return PageOf;
}

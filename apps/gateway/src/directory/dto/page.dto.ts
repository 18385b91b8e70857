import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsWholeNumber } from './validators';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @TransformType(() => Number)
  @IsWholeNumber({ min: 1 })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @TransformType(() => Number)
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
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() limit: number;
  }
  return PageOf;
}

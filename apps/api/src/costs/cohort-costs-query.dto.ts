import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO4217CurrencyCode, IsOptional, IsString } from 'class-validator';
import { COST_PERIODS, type CostPeriod } from '@parcours/domain';

/** Breakdowns evaluators may ask for; per-person rows are never published. */
export const PUBLISHED_GROUP_BY = ['field', 'category', 'funder', 'organisation', 'year'] as const;
export type PublishedGroupBy = (typeof PUBLISHED_GROUP_BY)[number];

export class CohortCostsQueryDto {
  @ApiPropertyOptional({ enum: PUBLISHED_GROUP_BY, default: 'field', description: 'How the cohort total is broken down' })
  @IsOptional()
  @IsIn(PUBLISHED_GROUP_BY)
  groupBy?: PublishedGroupBy;

  @ApiPropertyOptional({ example: 'EUR', default: 'EUR', description: 'ISO 4217 code: amounts are never added across currencies' })
  @IsOptional()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ enum: COST_PERIODS, default: 'path', description: "path: each member's whole path up to the cut-off; since_entry: from their cohort entry" })
  @IsOptional()
  @IsIn(COST_PERIODS)
  period?: CostPeriod;

  @ApiPropertyOptional({ description: 'Read your writes: the position a write returned; the answer waits (briefly) until both the parcours and the tariffs read models have applied it' })
  @IsOptional()
  @IsString()
  minPosition?: string;
}

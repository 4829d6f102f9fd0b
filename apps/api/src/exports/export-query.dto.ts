import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ORIGIN_RULES, SEQUENCE_FIELDS } from '@parcours/domain';

const ORIGIN = "Month 0: the cohort entry's month (default), or the person's first contact's";
const MIN_POSITION = 'Read your writes: the position a write returned; the answer waits (briefly) until it is applied';

/** Query of `GET /cohorts/:id/exports/<kind>.csv|json`; kind, field and project are checked in exportRequest. */
export class ExportQueryDto {
  @ApiProperty({ description: 'The research project: pseudonyms are keyed per project', example: 'insertion-2024' })
  @IsOptional()
  @IsString()
  @Length(0, 64)
  project?: string;

  @ApiPropertyOptional({ enum: SEQUENCE_FIELDS, description: 'Required for sequences; a filter for spells, events and alphabet; not for persons and survival' })
  @IsOptional()
  @IsString()
  field?: string;

  @ApiPropertyOptional({ enum: ORIGIN_RULES, description: ORIGIN })
  @IsOptional()
  @IsString()
  origin?: string;

  @ApiPropertyOptional({ description: MIN_POSITION }) @IsOptional() @IsString() minPosition?: string;
}

/** Query of `GET /cohorts/:id/transitions`. */
export class TransitionsQueryDto {
  @ApiProperty({ enum: SEQUENCE_FIELDS, example: 'employment' })
  @IsIn(SEQUENCE_FIELDS)
  field!: string;

  @ApiPropertyOptional({ enum: ORIGIN_RULES, description: ORIGIN })
  @IsOptional()
  @IsIn(ORIGIN_RULES)
  origin?: string;

  @ApiPropertyOptional({ description: MIN_POSITION }) @IsOptional() @IsString() minPosition?: string;
}

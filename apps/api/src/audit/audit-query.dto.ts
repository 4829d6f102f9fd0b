import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { SUBJECT_PATTERN } from '../auth/principal.js';

/** Query of `GET /admin/audit`: one UTC day's audit stream, filtered, paginated by revision. */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'The UTC day, YYYY-MM-DD (default: today, UTC)', example: '2026-03-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a calendar day' })
  date?: string;

  @ApiPropertyOptional({ description: 'Only the accesses to this person' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id (UUID)' })
  personId?: string;

  @ApiPropertyOptional({ description: 'Only the accesses by this user (the token subject)' })
  @IsOptional()
  @Matches(SUBJECT_PATTERN, { message: 'must be a token subject: 1-128 letters, digits or . @ : _ -' })
  sub?: string;

  @ApiPropertyOptional({ description: 'First revision of the day stream to scan (0-based): the nextRevision of the previous page', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ description: 'Most entries returned', default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

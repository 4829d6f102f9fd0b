import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PERSON_EVENT_TYPES, PROVENANCES } from '@parcours/domain';

/** One event about a person: the envelope. `data` is checked against the type's schema. */
export class RecordEventDto {
  @ApiPropertyOptional({ description: 'Client-chosen event id (UUIDv7): retrying with it returns the first result' })
  @IsOptional()
  @IsUUID('7')
  eventId?: string;

  @ApiProperty({ enum: PERSON_EVENT_TYPES, example: 'CareEpisodeStarted' })
  @IsString()
  @IsIn(PERSON_EVENT_TYPES)
  type!: string;

  @ApiProperty({ example: '2009-40', description: 'When it happened, in EDTF: 2004, 2011-03, 2009-40 (first half), 2007?, 2003/..' })
  @IsString()
  @Length(1, 64)
  occurredAt!: string;

  @ApiProperty({ enum: PROVENANCES, description: "Where the fact comes from; the person's own account is not verified, by principle" })
  @IsIn(PROVENANCES)
  provenance!: string;

  @ApiPropertyOptional({ description: 'The organisation where it happened: { organisationId?, name?, role? }', example: { name: 'CSAPA Liège' } })
  @IsOptional()
  @IsObject()
  organisation?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Ordering hint: the eventId of an event of this person that this one follows (facts sharing a coarse date)' })
  @IsOptional()
  @IsUUID()
  after?: string;

  @ApiPropertyOptional({ description: 'Free text (never identifying data)' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  note?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The type's own fields: see the PersonEvent schemas (components) and docs/events.md",
    example: { episodeId: '0190c1e4-0000-7000-8000-000000000001', setting: 'addiction_outpatient' },
  })
  @IsObject()
  data!: Record<string, unknown>;
}

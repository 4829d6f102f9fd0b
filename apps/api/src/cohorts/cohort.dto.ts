import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ENTRY_RULES, GENDERS } from '@parcours/domain';

/** A cohort: which persons, by rules (programme, organisation, entry period, attributes). */
export class DefineCohortDto {
  @ApiPropertyOptional({ description: 'Client-chosen cohort id (UUIDv7)' }) @IsOptional() @IsUUID('7') id?: string;
  @ApiPropertyOptional({ description: 'Client-chosen event id (UUIDv7): a retry returns the first result' }) @IsOptional() @IsUUID('7') eventId?: string;
  @ApiProperty({ example: 'Article 23, entries 2009-2012' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) description?: string;

  @ApiProperty({ enum: ENTRY_RULES, description: 'How each person\'s entry date is found (docs/indicators.md)' })
  @IsIn(ENTRY_RULES)
  entryRule!: string;

  @ApiPropertyOptional({ description: 'Programme (reference data); required by programme_entry' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ description: 'Organisation (reference data); required by the *_organisation rules' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ example: '2009', description: 'Entry period start (EDTF)' }) @IsOptional() @IsString() @Length(1, 64) entryFrom?: string;
  @ApiPropertyOptional({ example: '2012', description: 'Entry period end (EDTF)' }) @IsOptional() @IsString() @Length(1, 64) entryTo?: string;

  @ApiPropertyOptional({ enum: GENDERS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GENDERS.length)
  @IsIn(GENDERS, { each: true })
  genders?: string[];

  @ApiPropertyOptional({ example: 1970 }) @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYearFrom?: number;
  @ApiPropertyOptional({ example: 1990 }) @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYearTo?: number;
  @ApiPropertyOptional({ example: '2012-11', description: 'Observation cut-off (EDTF): open episodes run to it; default: now' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  cutoff?: string;
}

export class RetireCohortDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('7') eventId?: string;
  @ApiProperty({ example: 'replaced by a cohort with a wider entry period' }) @IsString() @Length(1, 500) reason!: string;
}

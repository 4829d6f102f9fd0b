import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

/** The shape of each body; EDTF bounds and the canvas rules are checked by the domain. */

const EVENT_ID = { description: 'Client-chosen event id (UUIDv7): retrying with it returns the first result' };
const BOUND = 'A single EDTF date (2000, 2008-06, 2009-40...) or ".." for an open end';

export class DefineProgrammeDto {
  @ApiPropertyOptional({ description: 'Client-chosen programme id (UUIDv7); default: the eventId, else a new one' })
  @IsOptional()
  @IsUUID('7')
  id?: string;

  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiProperty({ example: 'Article 23 : accompagnement vers l’emploi' }) @IsString() @Length(1, 200) name!: string;

  @ApiPropertyOptional({ example: 'Entretiens de parcours en trois périodes et une partie analyse' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;

  @ApiPropertyOptional({ description: 'The organisation running it, which must be registered' }) @IsOptional() @IsUUID() organisationId?: string;
}

export class DefineCanvasPeriodDto {
  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiPropertyOptional({ description: 'Client-chosen period id (UUIDv7); default: the eventId, else a new one' })
  @IsOptional()
  @IsUUID('7')
  periodId?: string;

  @ApiProperty({ example: 'De 2000 à 2008 : projets Activation', description: 'Unique within the programme (ignoring case and spaces)' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiProperty({ example: '2000', description: BOUND }) @IsString() @Length(1, 64) from!: string;

  @ApiProperty({ example: '2008', description: `${BOUND}; periods of a programme must not overlap` }) @IsString() @Length(1, 64) to!: string;

  @ApiProperty({ example: 2, description: 'Position in the canvas (0-based or 1-based, as you like: periods are read by it)' })
  @IsInt()
  @Min(0)
  @Max(10000)
  order!: number;
}

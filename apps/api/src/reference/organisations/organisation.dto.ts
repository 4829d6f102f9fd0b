import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ORGANISATION_TYPES, type OrganisationType } from '@parcours/domain';

/** The shape of each body; EDTF dates and the domain's own rules are checked by the domain schema. */

const EVENT_ID = { description: 'Client-chosen event id (UUIDv7): retrying with it returns the first result' };
const EDTF = 'EDTF date: 2009, 2009-03, 2009-40 (first half), 2009?, 2009~';

export class RegisterOrganisationDto {
  @ApiPropertyOptional({ description: 'Client-chosen organisation id (UUIDv7); default: the eventId, else a new one' })
  @IsOptional()
  @IsUUID('7')
  id?: string;

  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiProperty({ example: 'Article 23' }) @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'insertion_workshop', description: 'rehabilitation_centre is a CRF' })
  @IsIn(ORGANISATION_TYPES)
  type!: OrganisationType;

  @ApiProperty({ example: 'BE', description: 'ISO 3166-1 alpha-2 country code' }) @IsISO31661Alpha2() country!: string;

  @ApiPropertyOptional({ example: 'Liège' }) @IsOptional() @IsString() @Length(1, 100) city?: string;
}

export class RenameOrganisationDto {
  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiProperty({ example: 'Article 23 asbl' }) @IsString() @Length(1, 200) name!: string;
}

export class SignConventionDto {
  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiPropertyOptional({ description: 'Client-chosen convention id (UUIDv7); default: the eventId, else a new one' })
  @IsOptional()
  @IsUUID('7')
  conventionId?: string;

  @ApiProperty({ description: 'The partner organisation, which must be registered', example: '0190c1e4-0000-7000-8000-0000000000b2' })
  @IsUUID()
  withOrganisationId!: string;

  @ApiProperty({ example: 'Orientation des personnes suivies vers les ateliers' }) @IsString() @Length(1, 500) purpose!: string;

  @ApiProperty({ example: '2009', description: EDTF }) @IsString() @Length(1, 64) since!: string;

  @ApiPropertyOptional({ example: '2012', description: `Planned end, ${EDTF}` }) @IsOptional() @IsString() @Length(1, 64) until?: string;
}

export class EndConventionDto {
  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiProperty({ example: '2012-06', description: `When it ended, ${EDTF}; not before it started` }) @IsString() @Length(1, 64) at!: string;
}

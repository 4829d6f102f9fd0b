import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { GENDERS, PROVENANCES } from '@parcours/domain';

export class IdentityDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) lastName?: string;
  @ApiPropertyOptional({ example: '1980-04-02' }) @IsOptional() @IsISO8601({ strict: true }) birthDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) address?: string;
}

/** Registers a person. Identifying data goes in `identity`, kept apart from the path. */
export class RegisterPersonDto {
  @ApiPropertyOptional({ description: 'Client-chosen person id (UUIDv7) so a retried request registers once' })
  @IsOptional()
  @IsUUID('7')
  id?: string;

  @ApiPropertyOptional({ description: 'Client-chosen event id (UUIDv7): retrying with it returns the first result' })
  @IsOptional()
  @IsUUID('7')
  eventId?: string;

  @ApiProperty({ example: 'Chris', description: 'A pseudonym, never the real name' })
  @IsString()
  @Length(1, 80)
  pseudonym!: string;

  @ApiPropertyOptional({ example: 1980 }) @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;

  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: (typeof GENDERS)[number];

  @ApiPropertyOptional({ example: '2003', description: 'When the person entered the services (EDTF); default: today' })
  @IsOptional()
  @IsString()
  occurredAt?: string;

  @ApiProperty({ enum: PROVENANCES, example: 'interview' })
  @IsIn(PROVENANCES)
  provenance!: (typeof PROVENANCES)[number];

  @ApiPropertyOptional({ description: 'The registering organisation: { organisationId?, name?, role? }' })
  @IsOptional()
  @IsObject()
  organisation?: Record<string, unknown>;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) note?: string;

  @ApiPropertyOptional({ type: IdentityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityDto)
  identity?: IdentityDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO4217CurrencyCode, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DECIMAL_AMOUNT, TARIFF_BASES, TARIFF_EPISODE_KINDS, type TariffBasis, type TariffEpisodeKind } from '@parcours/domain';

/** The shape of each body; the domain checks dates for real and validTo ≥ validFrom. */

const EVENT_ID = { description: 'Client-chosen event id (UUIDv7): retrying with it returns the first result' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A tariff as set (on creation, and again when it changes). */
export class SetTariffDto {
  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiProperty({ enum: TARIFF_EPISODE_KINDS, example: 'insertion_post' }) @IsIn(TARIFF_EPISODE_KINDS) episodeKind!: TariffEpisodeKind;

  @ApiPropertyOptional({ example: 'ACI', description: 'A finer setting of the episode kind' }) @IsOptional() @IsString() @Length(1, 100) setting?: string;

  @ApiPropertyOptional({ description: 'The organisation the tariff applies to, which must be registered' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiProperty({ enum: TARIFF_BASES, example: 'per_event' }) @IsIn(TARIFF_BASES) basis!: TariffBasis;

  @ApiProperty({ example: '23921.00', description: 'A decimal string with at most 2 decimals: money is never a float' })
  @IsString()
  @Matches(DECIMAL_AMOUNT, { message: 'must be a non-negative decimal string with at most 2 decimals, such as "23921.00"' })
  amount!: string;

  @ApiPropertyOptional({ example: 'EUR', default: 'EUR', description: 'ISO 4217 currency code' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;

  @ApiProperty({ example: 'État (aide au poste)' }) @IsString() @Length(1, 200) funder!: string;

  @ApiProperty({ example: '2024-11-01' }) @IsString() @Matches(ISO_DATE, { message: 'must be a date YYYY-MM-DD' }) validFrom!: string;

  @ApiPropertyOptional({ example: '2025-10-31', description: 'Last day of validity, not before validFrom' })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE, { message: 'must be a date YYYY-MM-DD' })
  validTo?: string;

  @ApiPropertyOptional({ default: true, description: 'Leave true unless the amount is a real public figure (then give its source)' })
  @IsOptional()
  @IsBoolean()
  illustrative?: boolean;

  @ApiPropertyOptional({ example: 'Aide au poste d’insertion (ACI), montant au 1er novembre 2024' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  source?: string;
}

export class CreateTariffDto extends SetTariffDto {
  @ApiPropertyOptional({ description: 'Client-chosen tariff id (UUIDv7); default: the eventId, else a new one' })
  @IsOptional()
  @IsUUID('7')
  id?: string;
}

export class WithdrawTariffDto {
  @ApiPropertyOptional(EVENT_ID) @IsOptional() @IsUUID('7') eventId?: string;

  @ApiProperty({ example: 'Replaced by the 2025 amount' }) @IsString() @Length(1, 500) reason!: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'Day of the withdrawal; default: today' })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE, { message: 'must be a date YYYY-MM-DD' })
  at?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class ParcoursQueryDto {
  @ApiPropertyOptional({ description: 'Valid-time cut, EDTF: the path as lived at that date (e.g. 2008, 2009-40)', example: '2008' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  asLivedAt?: string;

  @ApiPropertyOptional({ description: 'Recorded-time cut, ISO 8601: the path as Parcours knew it then', example: '2012-11-20T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asKnownAt?: string;

  @ApiPropertyOptional({ description: 'Read your writes: the position a write returned; the answer waits (briefly) until it is applied' })
  @IsOptional()
  @IsString()
  minPosition?: string;
}

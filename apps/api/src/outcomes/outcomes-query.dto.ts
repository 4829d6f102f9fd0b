import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class CohortOutcomesQueryDto {
  @ApiPropertyOptional({ description: 'Read your writes: the position a write returned; the answer waits (briefly) until the parcours read model has applied it' })
  @IsOptional()
  @IsString()
  minPosition?: string;
}

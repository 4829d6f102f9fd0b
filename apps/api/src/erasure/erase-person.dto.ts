import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Why the person is erased: in the JSON body or as `?reason=`. Recorded in PersonErased, so never identifying. */
export class ErasureReasonDto {
  @ApiPropertyOptional({ example: 'request of the person (GDPR art. 17)', description: 'Required, in the body or the query' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { RecordEventDto } from './record-event.dto.js';

/** Several events appended atomically: all are written, or none. */
export class RecordBatchDto {
  @ApiProperty({ type: [RecordEventDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RecordEventDto)
  events!: RecordEventDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsLegalDate } from '../../../http/dto';

export class AssignMediatorRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The pool member (`id` returned when admitted, Art 13).' })
  @IsUUID()
  mediatorId!: string;

  @IsLegalDate('The day of assignment; not before the case was accepted.') assignedOn!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTY_KINDS, type PartyKind } from '@accord/events';
import { IsText } from '../../http/dto';

/** Who the party is: required on the first entry of a register, checked against it afterwards (Art 11). */
export class PartyIdentityDto {
  @ApiProperty({ enum: PARTY_KINDS }) @IsIn(PARTY_KINDS) kind!: PartyKind;
  @IsText('Name as on the case files.', 200, '张三') name!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsIdentifier, IsLegalDate, IsText } from '../../../http/dto';

export class CoordinateReliefRequestDto {
  @IsIdentifier('The party relieved, by its partyId in the case.', 64, 'p-1') partyId!: string;

  @IsText('The department that provides the relief.', 200, '县民政局') department!: string;

  @IsLegalDate('The day relief was coordinated; not before the resolution effort opened.')
  coordinatedOn!: string;

  @ApiProperty({
    description:
      'Art 9: no effective compensation or indemnity through reconsideration, litigation or supervision.',
  })
  @IsBoolean()
  noEffectiveRemedy!: boolean;

  @ApiProperty({ description: 'Art 9: the party truly lives in great hardship.' })
  @IsBoolean()
  greatHardship!: boolean;

  @IsText('The facts both conditions rest on.', 4000) basis!: string;
}

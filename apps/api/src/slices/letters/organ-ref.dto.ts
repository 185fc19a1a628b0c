import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsText } from '../../http/dto';

/** An organ's code is what follows `ORGAN:` in its token, so it obeys the token's pattern. */
export const ORGAN_CODE = /^[A-Za-z0-9_-]{1,64}$/;

export class OrganRefDto {
  @ApiProperty({
    description: 'Organ code; the organ answers with a token of agency `ORGAN:<code>`.',
    pattern: ORGAN_CODE.source,
    example: 'county-land-bureau',
  })
  @Matches(ORGAN_CODE, { message: '$property must be 1-64 letters, digits, _ or -' })
  code!: string;

  @IsText('Organ name.', 200, '县自然资源局') name!: string;
}

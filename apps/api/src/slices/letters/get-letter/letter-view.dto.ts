import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ref } from '../../../http/schema';

export class LetterViewDto extends StreamViewDto {
  @ApiProperty({
    allOf: [ref('Letter')],
    description:
      'The letter: kind, issuer, organ, grounds, service and response due date (with its explanation), response, follow-ups, closing.',
  })
  letter!: unknown;

  @ApiProperty({
    description:
      'The letter concerns a case this reader may not know (Art 17: the addressed organ takes no part in it): `letter.caseId` is then null.',
  })
  caseWithheld!: boolean;
}

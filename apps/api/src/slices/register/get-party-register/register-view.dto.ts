import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ref } from '../../../http/schema';

export class PartyRegisterViewDto extends StreamViewDto {
  @ApiProperty({
    oneOf: [ref('PartyRegister'), ref('PartyRegisterEmpty')],
    description:
      'The register: party, notes, flags and their history, the active flag id; `{ status: "none" }` while the party has no register entry.',
  })
  register!: unknown;
  @ApiProperty({
    allOf: [ref('RegisterParty')],
    description: 'The party across its cases, from the register read model; null when none has run.',
  })
  party!: unknown;
  @ApiProperty({
    type: 'array',
    items: ref('RegisterFiling'),
    description: 'Filings in cases the reader takes part in (Art 17); auditors see every one.',
  })
  filings!: unknown[];
  @ApiProperty({
    type: 'integer',
    description: 'Filings in cases the reader takes no part in: counted, not named.',
  })
  withheldFilings!: number;
  @ApiProperty({ type: 'array', items: ref('PatternAlert') }) alerts!: unknown[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The log position the register read model reflects; null for an `asOf` read.',
  })
  readModelPosition!: number | null;
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { parseCheckpointText, parseNote } from '@accord/merkle';
import { ApiError } from '../../../http/api-error';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Read } from '../../../identity/access.decorators';
import { LedgerTree } from '../ledger-tree';

export class CheckpointDto {
  @ApiProperty({ example: 'accord.ledger/lushan-2021-144' }) origin!: string;
  @ApiProperty({ description: 'Events covered: the first treeSize events of the log.' }) treeSize!: number;
  @ApiProperty({ description: 'RFC 6962 root hash, base64.' }) rootHash!: string;
  @ApiProperty({
    description: 'Agencies whose signature lines the note carries (check them with your trust file).',
  })
  signers!: string[];
  @ApiProperty({ description: 'The checkpoint as a C2SP signed note, byte for byte.' }) note!: string;
}

@ApiTags('ledger')
@Controller('ledger')
export class GetCheckpointController {
  constructor(private readonly tree: LedgerTree) {}

  @Get('checkpoint')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'The latest checkpoint co-signed by the agencies',
    description:
      'A root hash and a size, no case data, so any member of staff may read it. Verify the note against the agencies’ public keys, never against this server.',
  })
  @ApiOkResponse({ type: CheckpointDto })
  latest(): CheckpointDto {
    const note = this.tree.checkpoints.latest();
    if (note === undefined) throw new ApiError('CHECKPOINT_NOT_FOUND');
    const parsed = parseNote(note);
    const checkpoint = parseCheckpointText(parsed.text);
    return {
      origin: checkpoint.origin,
      treeSize: checkpoint.size,
      rootHash: checkpoint.root.toString('base64'),
      signers: parsed.signatures.map((s) => s.name),
      note,
    };
  }
}

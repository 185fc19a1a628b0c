import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../../../http/problem.dto';
import { eventLeafHash, parseCheckpointText, parseNote } from '@accord/merkle';
import type { RecordedEvent } from '@accord/events';
import { RuleError } from '@accord/domain';
import { Inject } from '@nestjs/common';
import type { EventStore } from '@accord/store';
import { ApiError } from '../../../http/api-error';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { EVENT_STORE } from '../../../pipeline/tokens';
import { CaseVisibility } from '../../cases/case-visibility';
import { LedgerTree } from '../ledger-tree';
import { ConsistencyQueryDto, InclusionQueryDto } from './proofs.query.dto';

const CASE_STREAM = /^case-(.+)$/;

export class InclusionProofDto {
  @ApiProperty() position!: number;
  @ApiProperty({ description: '0-based: the event is the leafIndex-th of the log.' }) leafIndex!: number;
  @ApiProperty() treeSize!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'The envelope hash (hex) the leaf commits to.' }) eventHash!: string;
  @ApiProperty({ description: 'RFC 6962 leaf hash, base64.' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 6962 audit path, base64.' }) proof!: string[];
  @ApiProperty({ description: 'Root hash of the tree of treeSize, base64.' }) rootHash!: string;
}

export class ConsistencyProofDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() fromRootHash!: string;
  @ApiProperty() toRootHash!: string;
  @ApiProperty({ type: [String] }) proof!: string[];
}

@ApiTags('ledger')
@Controller('ledger/proofs')
export class ProofsController {
  constructor(
    private readonly tree: LedgerTree,
    private readonly cases: CaseVisibility,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('inclusion')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary:
      'Proof that the event at a position is in the log (auditors; a case’s participants for its events; Art 17)',
    description:
      'For a case event the read goes through the case’s visibility rules and is recorded in the access log; anyone else gets the same 404 as for an unknown position.',
  })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiUnprocessableEntityResponse({ description: 'treeSize does not fit the log.', type: ProblemDto })
  async inclusion(@Query() query: InclusionQueryDto, @Ctx() ctx: RequestContext): Promise<InclusionProofDto> {
    const event = await this.eventAt(query.position);
    const caseId = event && CASE_STREAM.exec(event.streamId)?.[1];
    // Participants see proofs of their cases' events (the history view, so invitees do not); only
    // auditors see the rest. Either refusal is the 404 of an unknown position.
    if (caseId) {
      try {
        await this.cases.open(ctx, caseId, 'history');
      } catch (error) {
        // The case's own 404 would tell the caller that this position holds a case event.
        if (error instanceof RuleError && error.code === 'CASE_NOT_FOUND')
          throw new ApiError('LEDGER_POSITION_NOT_FOUND');
        throw error;
      }
    } else if (!event || ctx.actor.role !== 'auditor') throw new ApiError('LEDGER_POSITION_NOT_FOUND');
    const log = await this.tree.current();
    const leaf = log.leafAtPosition(event!.position);
    if (!leaf) throw new ApiError('LEDGER_POSITION_NOT_FOUND');
    const signed = this.latestSignedSize();
    // By default, against the co-signed checkpoint when it covers the event, else the current tree.
    const size = query.treeSize ?? (signed !== undefined && signed > leaf.index ? signed : log.size);
    if (size <= leaf.index || size > log.size)
      throw new ApiError('PROOF_RANGE_INVALID', {
        reason: `treeSize must be greater than ${leaf.index} and at most ${log.size}`,
      });
    return {
      position: event!.position,
      leafIndex: leaf.index,
      treeSize: size,
      streamId: event!.streamId,
      revision: event!.revision,
      eventHash: event!.hash,
      leafHash: eventLeafHash(event!).toString('base64'),
      proof: log.inclusionProof(leaf.index, size).map((h) => h.toString('base64')),
      rootHash: log.root(size).toString('base64'),
    };
  }

  @Get('consistency')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'Proof that the tree of size `from` is a prefix of the tree of size `to`',
    description: 'Hashes only, no case data: any member of staff may ask.',
  })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiUnprocessableEntityResponse({ description: 'from and to do not fit the log.', type: ProblemDto })
  async consistency(@Query() query: ConsistencyQueryDto): Promise<ConsistencyProofDto> {
    const log = await this.tree.current();
    if (query.from > query.to || query.to > log.size)
      throw new ApiError('PROOF_RANGE_INVALID', { reason: `need 1 ≤ from ≤ to ≤ ${log.size}` });
    return {
      from: query.from,
      to: query.to,
      fromRootHash: log.root(query.from).toString('base64'),
      toRootHash: log.root(query.to).toString('base64'),
      proof: log.consistencyProof(query.from, query.to).map((h) => h.toString('base64')),
    };
  }

  private async eventAt(position: number): Promise<RecordedEvent | undefined> {
    for await (const batch of this.store.readAll({ after: position - 1, batchSize: 1 }))
      return batch[0]?.position === position ? batch[0] : undefined;
    return undefined;
  }

  private latestSignedSize(): number | undefined {
    const note = this.tree.checkpoints.latest();
    return note === undefined ? undefined : parseCheckpointText(parseNote(note).text).size;
  }
}

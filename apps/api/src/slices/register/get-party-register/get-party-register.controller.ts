import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { canSeeRegister, partyRegisterDecider, registerError, type RuleSet } from '@accord/domain';
import {
  CASE_STATUS_PROJECTION,
  partyFilingsFor,
  ReadModelMissingError,
  REGISTER_PROJECTION,
  type RegisterPartyRow,
  registerParty,
} from '@accord/read-store';
import { AccessLog } from '../../../access/access-log';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { streamView } from '../../../http/stream-view.dto';
import { CodeParam } from '../../../http/ids';
import { ReadEndpoint, ReadModelBehind } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { RULE_SET } from '../../../pipeline/tokens';
import { StreamReader } from '../../../pipeline/stream-reader';
import { ReadModels } from '../../../read/read-models';
import { partyStreamId } from '../party-stream';
import { PartyRegisterViewDto } from './register-view.dto';

export class PartyRegisterQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({
    description: 'Wait until the register read model has reached this log position.',
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

@ApiTags('register')
@Controller('register/parties')
export class GetPartyRegisterController {
  constructor(
    private readonly reader: StreamReader,
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
    @Inject(RULE_SET) private readonly rules: RuleSet,
  ) {}

  @Get(':partyId')
  @Read()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiOperation({
    summary: "A party's integrity and abuse-of-litigation register (Art 11)",
    description:
      'The three agencies and auditors; organs are answered 404. A case party is found by `<idScheme>-<normalised id ' +
      'number>` (e.g. `RESIDENT_ID-41042319900101123X`), with its filings in the cases the reader takes part in (the others counted in `withheldFilings`, Art 17; a party of none of them and no register entry is unknown); its register ' +
      'entries (notes, flags with confirmation, notification, contests) are the stream `party-<same key>`. Pattern ' +
      'alerts for this party are listed too (never a flag). `asOf` gives the register stream as recorded then.',
  })
  @ApiOkResponse({ type: PartyRegisterViewDto })
  async get(
    @CodeParam('partyId') id: string,
    @Query() query: PartyRegisterQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PartyRegisterViewDto> {
    const streamId = partyStreamId(id);
    const loaded = await this.reader.at(streamId, partyRegisterDecider, query.asOf);
    const visible = canSeeRegister(ctx.actor);
    const rule = { ...this.rules.abusePatternAlert, ruleSet: this.rules.version };
    let row: RegisterPartyRow | undefined;
    let shown: Awaited<ReturnType<typeof partyFilingsFor>> | undefined;
    let readModelPosition: number | null = null;
    if (visible && query.asOf === undefined) {
      readModelPosition = await this.readModels.reached(
        [REGISTER_PROJECTION, CASE_STATUS_PROJECTION],
        query.minPosition,
      );
      try {
        row = await registerParty(this.readModels.store, id);
        // Art 17: the filings of cases the reader takes no part in are counted, not named.
        shown = row && (await partyFilingsFor(this.readModels.store, row, rule, ctx.actor));
      } catch (error) {
        // No projector has run yet: the register stream alone still answers (without filings).
        if (!(error instanceof ReadModelMissingError) || query.minPosition !== undefined) throw error;
      }
    }
    // A party known only from other agencies' cases, with no register entry, is unknown to the reader.
    const found = visible && (loaded.state.status !== 'none' || shown?.known === true);
    await this.accessLog.record(ctx, {
      resource: 'register',
      resourceId: id,
      streamId,
      view: 'full',
      outcome: found ? 'granted' : visible ? 'not_found' : 'refused',
      asOf: query.asOf ?? null,
      revision: found ? loaded.revision : -1,
      // The cases whose filings the answer showed.
      shownIds: found ? (shown?.filings.map((f) => f.caseId) ?? []) : [],
      filter: null,
      position: readModelPosition,
    });
    // Invisible answers exactly like unknown (Art 17).
    if (!found) throw registerError('REGISTER_PARTY_NOT_FOUND', { partyId: id });
    return {
      ...streamView(id, streamId, loaded, query.asOf),
      register: loaded.state.status !== 'none' ? loaded.state : row!.register,
      party:
        row === undefined || shown?.known !== true
          ? null
          : {
              partyKey: row.partyKey,
              kind: row.kind,
              names: shown!.names,
              idScheme: row.idScheme,
              idNumber: row.idNumber,
            },
      filings: shown?.filings ?? [],
      withheldFilings: shown?.withheldFilings ?? 0,
      alerts: shown?.alerts ?? [],
      readModelPosition,
    } as PartyRegisterViewDto;
  }
}

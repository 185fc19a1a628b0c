import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AUDIT_PROJECTION, auditTrail } from '@accord/read-store';
import type { EventStore } from '@accord/store';
import { AccessLog, queryRead } from '../../access/access-log';
import { orNull, rowsAnswer, str } from '../../http/schema';
import { ReadEndpoint, ReadModelBehind } from '../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../http/request-context';
import { AuditRead } from '../../identity/access.decorators';
import { EVENT_STORE } from '../../pipeline/tokens';
import { ReadModels } from '../../read/read-models';
import { AuditLogQueryDto, AuditTrailQueryDto } from './read-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('trail')
  @AuditRead()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiOperation({
    summary:
      'The official audit trail: every event and every access event, in order, with hash and actor (auditors)',
    description:
      'Filter by case, staff member, agency and a recorded-at range; page with `after` = `nextCursor`.',
  })
  @ApiOkResponse({
    schema: rowsAnswer(
      { nextCursor: orNull(str('The `after` of the next page; null on the last.')) },
      'items',
    ),
  })
  async trail(@Query() query: AuditTrailQueryDto, @Ctx() ctx: RequestContext) {
    const position = await this.readModels.reached([AUDIT_PROJECTION], query.minPosition);
    const page = await this.readModels.query((store) =>
      auditTrail(store, {
        limit: query.limit ?? 100,
        ...(query.caseId === undefined ? {} : { caseId: query.caseId }),
        ...(query.staffId === undefined ? {} : { staffId: query.staffId }),
        ...(query.agency === undefined ? {} : { agency: query.agency }),
        ...(query.from === undefined ? {} : { from: new Date(query.from).toISOString() }),
        ...(query.to === undefined ? {} : { to: new Date(query.to).toISOString() }),
        ...(query.after === undefined ? {} : { after: Number(query.after) }),
      }),
    );
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'audit.trail',
        caseIds: [...new Set(page.rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId])))],
        partyKeys: [],
        outcome: 'granted',
        filter: {
          caseId: query.caseId ?? null,
          staffId: query.staffId ?? null,
          agency: query.agency ?? null,
          from: query.from ?? null,
          to: query.to ?? null,
          after: query.after ?? null,
        },
        position,
      }),
    );
    return { items: page.rows, nextCursor: page.next === null ? null : String(page.next), position };
  }

  @Get('log')
  @AuditRead()
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary: 'The raw log as NDJSON from a position (auditors), streamed with backpressure',
    description: 'One stored event per line, in commit order, up to the head when the request arrived.',
  })
  @ApiOkResponse({
    description: 'One stored event (JSON) per line.',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  async log(
    @Query() query: AuditLogQueryDto,
    @Ctx() ctx: RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const from = query.fromPosition ?? 0;
    const head = await this.store.headPosition();
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'audit.log',
        caseIds: [],
        partyKeys: [],
        outcome: 'granted',
        filter: { fromPosition: from },
        position: head,
      }),
    );
    const store = this.store;
    // A pull stream: the next batch is read only when the socket has drained the last one.
    async function* lines(): AsyncGenerator<string> {
      for await (const batch of store.readAll({ after: from, batchSize: 500 })) {
        let chunk = '';
        for (const event of batch) {
          if (event.position > head) break;
          chunk += `${JSON.stringify(event)}\n`;
        }
        if (chunk.length > 0) yield chunk;
        if (batch[batch.length - 1]!.position >= head) return;
      }
    }
    void reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
  }
}

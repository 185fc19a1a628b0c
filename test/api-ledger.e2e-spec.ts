import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  eventLeafHash,
  formatSignerKey,
  generateSignerKey,
  parseTrustFile,
  verifyCheckpointNote,
  verifyConsistency,
  verifyInclusion,
} from '@accord/merkle';
import type { DataAccessedData, RecordedEvent } from '@accord/events';
import { startApi, type ApiHarness } from './support/api-harness';
import { courtCase } from './support/api-fixtures';
import { accord } from './support/cli-inprocess';

/**
 * GET /ledger/checkpoint and the proofs, on the real app over HTTP, with a checkpoint taken by the
 * real CLI. The tree is kept as in production: by the follower on its own thread (the harness's
 * default is in-process), while the CLI's own follower writes the same tree file.
 */
describe('ledger checkpoint and proofs (HTTP)', () => {
  let h: ApiHarness;
  let caseId: string;
  const keys = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'].map(generateSignerKey);
  const trusted = parseTrustFile(keys.map((k) => k.text).join('\n'));

  beforeAll(async () => {
    h = await startApi({ treeThread: 'on' });
  });
  afterAll(() => h.close());

  const history = async (): Promise<RecordedEvent[]> =>
    (await h.http.get(`/cases/${caseId}/history`).set(h.staff.courtClerk).expect(200)).body.events;

  it('answers 404 CHECKPOINT_NOT_FOUND before any checkpoint, in Chinese too', async () => {
    const res = await h.http
      .get('/ledger/checkpoint')
      .set(h.staff.auditor)
      .set('accept-language', 'zh')
      .expect(404);
    expect(res.body).toMatchObject({
      code: 'CHECKPOINT_NOT_FOUND',
      detail: '尚无经各机关共同签署的检查点。',
    });
  });

  it('serves the co-signed checkpoint and inclusion proofs that verify against it', async () => {
    caseId = await courtCase(h, { open: true });
    const files = keys.map((key) => {
      const file = join(h.dataDir, `${key.name}.key`);
      writeFileSync(file, formatSignerKey(key), { mode: 0o600 });
      return file;
    });
    const taken = await accord(['checkpoint', '--data', h.dataDir, ...files.flatMap((f) => ['--key', f])]);
    expect(taken.code).toBe(0);

    const cp = (await h.http.get('/ledger/checkpoint').set(h.staff.courtClerk).expect(200)).body;
    const signed = verifyCheckpointNote(cp.note, trusted);
    expect(cp).toMatchObject({
      treeSize: signed.checkpoint.size,
      signers: ['COURT', 'PROCURATORATE', 'GOV_OFFICE'],
    });

    const [first] = await history();
    const res = await h.http
      .get(`/ledger/proofs/inclusion?position=${first!.position}`)
      .set(h.staff.courtClerk)
      .expect(200);
    expect(res.body).toMatchObject({
      position: first!.position,
      treeSize: signed.checkpoint.size,
      eventHash: first!.hash,
    });
    const proof = (res.body.proof as string[]).map((p) => Buffer.from(p, 'base64'));
    expect(
      verifyInclusion(
        res.body.leafIndex,
        signed.checkpoint.size,
        eventLeafHash(first!),
        proof,
        signed.checkpoint.root,
      ),
    ).toBe(true);
  });

  it('records the proof read in the access log, and refuses non-participants with the 404 of an unknown position', async () => {
    const [first] = await history();
    const before = (await h.http.get(`/cases/${caseId}/history`).set(h.staff.auditor).expect(200)).body
      .revision;
    await h.http.get(`/ledger/proofs/inclusion?position=${first!.position}`).set(h.staff.auditor).expect(200);
    const refused = await h.http
      .get(`/ledger/proofs/inclusion?position=${first!.position}`)
      .set(h.staff.procClerk)
      .expect(404);
    const unknown = await h.http
      .get('/ledger/proofs/inclusion?position=999999')
      .set(h.staff.procClerk)
      .expect(404);
    expect(refused.body.code).toBe('LEDGER_POSITION_NOT_FOUND');
    expect(unknown.body.code).toBe('LEDGER_POSITION_NOT_FOUND');
    expect(before).toBeGreaterThanOrEqual(0);

    // The access log: the auditor's proof read and the procuratorate's refusal are both there.
    const log: RecordedEvent<DataAccessedData>[] = [];
    for await (const batch of h.built.store.readAll())
      log.push(...(batch.filter((e) => e.streamId === 'access-log') as never[]));
    const proofReads = log.filter(
      (e) => e.data.resource === 'case' && e.data.resourceId === caseId && e.data.view === 'history',
    );
    expect(proofReads.map((e) => [e.actor.staffId, e.data.outcome])).toEqual(
      expect.arrayContaining([
        ['inspector-1', 'granted'],
        ['p-1', 'refused'],
      ]),
    );

    // An access-log event is no case's: auditors only.
    const accessPosition = log[0]!.position;
    await h.http.get(`/ledger/proofs/inclusion?position=${accessPosition}`).set(h.staff.auditor).expect(200);
    await h.http
      .get(`/ledger/proofs/inclusion?position=${accessPosition}`)
      .set(h.staff.courtClerk)
      .expect(404);
  });

  it('serves consistency proofs between any two sizes of the tree', async () => {
    const cp = (await h.http.get('/ledger/checkpoint').set(h.staff.auditor).expect(200)).body;
    const signed = verifyCheckpointNote(cp.note, trusted);
    await courtCase(h);
    const incl = await h.http
      .get(`/ledger/proofs/inclusion?position=1&treeSize=1`)
      .set(h.staff.courtClerk)
      .expect(200);
    const to = incl.body.treeSize as number;
    expect(to).toBe(1);
    const res = await h.http
      .get(`/ledger/proofs/consistency?from=${signed.checkpoint.size}&to=${signed.checkpoint.size + 2}`)
      .set(h.staff.govClerk)
      .expect(200);
    const proof = (res.body.proof as string[]).map((p) => Buffer.from(p, 'base64'));
    expect(res.body.fromRootHash).toBe(cp.rootHash);
    expect(
      verifyConsistency(
        signed.checkpoint.size,
        signed.checkpoint.size + 2,
        proof,
        signed.checkpoint.root,
        Buffer.from(res.body.toRootHash, 'base64'),
      ),
    ).toBe(true);
  });

  it('refuses bad queries with 400 and sizes beyond the tree with 422', async () => {
    const bad = await h.http.get('/ledger/proofs/inclusion?position=abc').set(h.staff.auditor).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await h.http.get('/ledger/proofs/consistency?from=0&to=2').set(h.staff.auditor).expect(400);
    const beyond = await h.http
      .get('/ledger/proofs/consistency?from=1&to=99999')
      .set(h.staff.auditor)
      .set('accept-language', 'zh')
      .expect(422);
    expect(beyond.body).toMatchObject({ code: 'PROOF_RANGE_INVALID', detail: '所请求的树大小与账本不符。' });
    await h.http.get('/ledger/proofs/consistency?from=3&to=2').set(h.staff.auditor).expect(422);
    await h.http.get('/ledger/checkpoint').expect(401);
  });
});

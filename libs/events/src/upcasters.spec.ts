import type { RecordedEvent } from './envelope';
import { hashEnvelope, GENESIS_HASH } from './integrity';
import { UpcastError, UpcasterRegistry, upcasters } from './upcasters';

function stored(type: string, schemaVersion: number, data: unknown): RecordedEvent {
  const envelope = {
    eventId: '00000000-0000-4000-8000-000000000001',
    streamId: 'case-1',
    revision: 0,
    type,
    schemaVersion,
    data,
    occurredAt: '2021-03-01T09:00:00.000+08:00',
    recordedAt: '2021-03-01T01:00:00.000Z',
    actor: { agency: 'COURT' as const, staffId: 's-1', role: 'clerk' as const },
    commandId: 'cmd-1',
    correlationId: 'cmd-1',
    causationId: 'cmd-1',
    ruleSet: '2021-v1',
    prevHash: GENESIS_HASH,
  };
  return { ...envelope, hash: hashEnvelope(envelope), position: 1 };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof UpcastError ? error.code : `not an UpcastError: ${String(error)}`;
  }
  return undefined;
}

describe('UpcasterRegistry', () => {
  const v1ToV2 = (data: unknown) => {
    const { name } = data as { name: string };
    const [given, family] = name.split(' ');
    return { givenName: given, familyName: family };
  };
  const v2ToV3 = (data: unknown) => ({ ...(data as object), language: 'zh' });

  it('reads a type without upcasters as version 1, unchanged', () => {
    const registry = new UpcasterRegistry();
    const event = stored('CaseRegistered', 1, { a: 1 });
    expect(registry.currentVersion('CaseRegistered')).toBe(1);
    expect(registry.upcast(event)).toBe(event);
  });

  it('applies the whole chain v1→v2→v3 and stamps the current version', () => {
    const registry = new UpcasterRegistry()
      .register('PartyAdded', 1, v1ToV2)
      .register('PartyAdded', 2, v2ToV3);
    const event = stored('PartyAdded', 1, { name: 'Li Lei' });
    const upcast = registry.upcast(event);
    expect(registry.currentVersion('PartyAdded')).toBe(3);
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data).toEqual({ givenName: 'Li', familyName: 'Lei', language: 'zh' });
  });

  it('starts the chain at the stored version', () => {
    const registry = new UpcasterRegistry()
      .register('PartyAdded', 1, v1ToV2)
      .register('PartyAdded', 2, v2ToV3);
    const upcast = registry.upcast(stored('PartyAdded', 2, { givenName: 'Li', familyName: 'Lei' }));
    expect(upcast.data).toEqual({ givenName: 'Li', familyName: 'Lei', language: 'zh' });
  });

  it('returns a current-version event as it is', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 1, v1ToV2);
    const event = stored('PartyAdded', 2, { givenName: 'Li', familyName: 'Lei' });
    expect(registry.upcast(event)).toBe(event);
  });

  it('leaves the stored event, and so its hash, untouched', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 1, (data) => {
      (data as { name: string }).name = 'mutated by a careless upcaster';
      return data;
    });
    const event = stored('PartyAdded', 1, { name: 'Li Lei' });
    const upcast = registry.upcast(event);
    expect(event.data).toEqual({ name: 'Li Lei' });
    expect(event.schemaVersion).toBe(1);
    expect(hashEnvelope(event)).toBe(event.hash);
    expect(upcast.hash).toBe(event.hash);
    expect(upcast.position).toBe(event.position);
  });

  it('gives the upcaster the stored envelope for context', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 1, (data, event) => ({
      ...(data as object),
      addedBy: event.actor.agency,
    }));
    expect(registry.upcast(stored('PartyAdded', 1, { name: 'x' })).data).toEqual({
      name: 'x',
      addedBy: 'COURT',
    });
  });

  it('refuses a gap in the chain, naming the missing step', () => {
    const registry = new UpcasterRegistry()
      .register('PartyAdded', 1, v1ToV2)
      .register('PartyAdded', 3, (d) => d);
    expect(codeOf(() => registry.currentVersion('PartyAdded'))).toBe('UPCASTER.GAP');
    expect(codeOf(() => registry.upcast(stored('PartyAdded', 1, { name: 'a b' })))).toBe('UPCASTER.GAP');
    expect(codeOf(() => registry.assertComplete())).toBe('UPCASTER.GAP');
    expect(() => registry.assertComplete()).toThrow(/no upcaster v2→v3/);
  });

  it('refuses a chain that does not start at version 1', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 2, v2ToV3);
    expect(() => registry.currentVersion('PartyAdded')).toThrow(/no upcaster v1→v2/);
  });

  it('accepts steps registered out of order once the chain is whole', () => {
    const registry = new UpcasterRegistry()
      .register('PartyAdded', 2, v2ToV3)
      .register('PartyAdded', 1, v1ToV2);
    expect(() => registry.assertComplete()).not.toThrow();
    expect(registry.currentVersion('PartyAdded')).toBe(3);
    expect(registry.types()).toEqual(['PartyAdded']);
  });

  it('refuses the same step twice and a version below 1', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 1, v1ToV2);
    expect(codeOf(() => registry.register('PartyAdded', 1, v1ToV2))).toBe('UPCASTER.DUPLICATE');
    expect(codeOf(() => registry.register('PartyAdded', 0, v1ToV2))).toBe('UPCASTER.BAD_VERSION');
    expect(codeOf(() => registry.register('PartyAdded', 1.5, v1ToV2))).toBe('UPCASTER.BAD_VERSION');
  });

  it('refuses an event newer than the code knows, in English and Chinese', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 1, v1ToV2);
    const event = stored('PartyAdded', 3, {});
    expect(codeOf(() => registry.upcast(event))).toBe('UPCASTER.VERSION_FROM_FUTURE');
    try {
      registry.upcast(event);
    } catch (error) {
      const e = error as UpcastError;
      expect(e.en).toMatch(/v3 but this code knows only up to v2/);
      expect(e.zh).toMatch(/v3/);
      expect(e.details).toMatchObject({ schemaVersion: 3, currentVersion: 2 });
    }
    expect(codeOf(() => new UpcasterRegistry().upcast(stored('CaseRegistered', 2, {})))).toBe(
      'UPCASTER.VERSION_FROM_FUTURE',
    );
  });

  it('refuses a stored version below 1', () => {
    expect(codeOf(() => new UpcasterRegistry().upcast(stored('CaseRegistered', 0, {})))).toBe(
      'UPCASTER.BAD_VERSION',
    );
  });

  it('keeps types apart', () => {
    const registry = new UpcasterRegistry().register('PartyAdded', 1, v1ToV2);
    expect(registry.currentVersion('CaseRegistered')).toBe(1);
    expect(registry.currentVersion('PartyAdded')).toBe(2);
  });

  it('offers one shared registry for the catalogue', () => {
    expect(upcasters).toBeInstanceOf(UpcasterRegistry);
  });
});

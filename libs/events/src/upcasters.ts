import type { RecordedEvent } from './envelope';

/** Turns the `data` of version `fromVersion` into the `data` of version `fromVersion + 1`. */
export type Upcaster = (data: unknown, event: RecordedEvent) => unknown;

export type UpcastErrorCode =
  'UPCASTER.DUPLICATE' | 'UPCASTER.BAD_VERSION' | 'UPCASTER.GAP' | 'UPCASTER.VERSION_FROM_FUTURE';

/** A broken registry or an event this code cannot read. Never a rule of the Measures, so no article. */
export class UpcastError extends Error {
  constructor(
    readonly code: UpcastErrorCode,
    readonly en: string,
    readonly zh: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${en}`);
    this.name = 'UpcastError';
  }
}

/**
 * Schema versions per event type, and the upcasters between them. Every type starts at version 1;
 * its current version is one past its newest upcaster. Stored events are never rewritten: the hash
 * covers the stored form, so verification reads stored events and only folds and projections read
 * them upcast.
 *
 * Catalogue files register in any order, so a gap (v1→v2 and v3→v4 without v2→v3) can only be
 * judged once all are loaded: `currentVersion`, `upcast` and `assertComplete` refuse it.
 */
export class UpcasterRegistry {
  private readonly chains = new Map<string, Map<number, Upcaster>>();

  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    if (!Number.isSafeInteger(fromVersion) || fromVersion < 1) {
      throw new UpcastError(
        'UPCASTER.BAD_VERSION',
        `upcaster for ${type}: fromVersion must be an integer >= 1, got ${String(fromVersion)}`,
        `${type} 的升级器：起始版本必须是不小于 1 的整数，实际为 ${String(fromVersion)}`,
        { type, fromVersion },
      );
    }
    let chain = this.chains.get(type);
    if (!chain) {
      chain = new Map();
      this.chains.set(type, chain);
    }
    if (chain.has(fromVersion)) {
      throw new UpcastError(
        'UPCASTER.DUPLICATE',
        `upcaster for ${type} v${fromVersion}→v${fromVersion + 1} is registered twice`,
        `${type} 从 v${fromVersion} 到 v${fromVersion + 1} 的升级器重复注册`,
        { type, fromVersion },
      );
    }
    chain.set(fromVersion, upcaster);
    return this;
  }

  /** The version new events of `type` are written with; 1 for a type without upcasters. */
  currentVersion(type: string): number {
    const chain = this.chains.get(type);
    if (!chain) return 1;
    this.assertContiguous(type, chain);
    return chain.size + 1;
  }

  /** Throws on the first type whose chain has a gap; call once at boot, after the catalogue is loaded. */
  assertComplete(): void {
    for (const [type, chain] of this.chains) this.assertContiguous(type, chain);
  }

  /** Types with at least one upcaster, for docs and checks. */
  types(): string[] {
    return [...this.chains.keys()].sort();
  }

  /**
   * The event read as the current version of its type. The stored `hash` is carried along
   * unchanged: it belongs to the stored form, so never verify an upcast event.
   */
  upcast<Data = unknown>(event: RecordedEvent): RecordedEvent<Data> {
    const current = this.currentVersion(event.type);
    const stored = event.schemaVersion;
    if (!Number.isSafeInteger(stored) || stored < 1) {
      throw new UpcastError(
        'UPCASTER.BAD_VERSION',
        `event ${event.eventId} (${event.type}) has schemaVersion ${String(stored)}; versions start at 1`,
        `事件 ${event.eventId}（${event.type}）的 schemaVersion 为 ${String(stored)}，版本应从 1 开始`,
        { eventId: event.eventId, type: event.type, schemaVersion: stored },
      );
    }
    if (stored > current) {
      throw new UpcastError(
        'UPCASTER.VERSION_FROM_FUTURE',
        `event ${event.eventId} (${event.type}) is v${stored} but this code knows only up to v${current}; upgrade the software before reading this ledger`,
        `事件 ${event.eventId}（${event.type}）为 v${stored}，而本程序只认识到 v${current}；请先升级软件再读取此账本`,
        { eventId: event.eventId, type: event.type, schemaVersion: stored, currentVersion: current },
      );
    }
    if (stored === current) return event as RecordedEvent<Data>;

    const chain = this.chains.get(event.type)!;
    // Upcasters get a private copy: the stored event may be shared with a verifier or a cache.
    let data: unknown = structuredClone(event.data);
    for (let version = stored; version < current; version += 1) {
      data = chain.get(version)!(data, event);
    }
    return { ...event, schemaVersion: current, data } as RecordedEvent<Data>;
  }

  private assertContiguous(type: string, chain: Map<number, Upcaster>): void {
    for (let version = 1; version <= chain.size; version += 1) {
      if (!chain.has(version)) {
        const registered = [...chain.keys()].sort((a, b) => a - b).map((v) => `v${v}→v${v + 1}`);
        throw new UpcastError(
          'UPCASTER.GAP',
          `${type} has no upcaster v${version}→v${version + 1} (registered: ${registered.join(', ')})`,
          `${type} 缺少从 v${version} 到 v${version + 1} 的升级器（已注册：${registered.join('，')}）`,
          { type, missingFromVersion: version, registered: [...chain.keys()] },
        );
      }
    }
  }
}

/** The shared registry the event catalogue files register into. */
export const upcasters = new UpcasterRegistry();

/**
 * What one process last saw of each item family in Redis, raw: the values it
 * read and the values it wrote, and the family's version when it knows the
 * whole family as of one version. A write can start from it instead of reading
 * first, so a command whose only store work is one compare-and-set costs one
 * round trip (opening a round: bench:breakouts). It is never the truth: another
 * process may have written since, and the compare-and-set (or, for a whole
 * family, the version check of `familyAt`) finds that out. Bounded by the
 * length of the values kept: the families seen longest ago are forgotten first.
 */

/** 32 MiB of JSON: some 2,500 rounds of 200 seats; a process serves far fewer live events. */
const BYTES_KEPT = 32 * 1024 * 1024;

interface Family {
  /** The version the whole family is known at; null when only single items are known. */
  version: number | null;
  items: Map<string, string>;
  bytes: number;
  /** What of `bytes` the cache's total counts (it lags `bytes` while an item is being put). */
  counted: number;
}

const empty = (): Family => ({ version: null, items: new Map<string, string>(), bytes: 0, counted: 0 });

export interface SeenFamily {
  version: number;
  raws: string[];
}

export class RecentItems {
  private readonly families = new Map<string, Family>();
  private bytes = 0;

  /** The length of the values kept (for tests and a look at the cache's size). */
  get size(): number {
    return this.bytes;
  }

  constructor(private readonly cap = BYTES_KEPT) {}

  /** A whole family as just read, at its version. */
  replace(family: string, items: Iterable<[string, string]>, version: number): void {
    const map = new Map(items);
    let bytes = 0;
    for (const raw of map.values()) bytes += raw.length;
    this.keep(family, { version, items: map, bytes, counted: 0 });
  }

  /** One item as just read: if it is not what this process held, the family changed elsewhere. */
  read(family: string, itemId: string, raw: string | null): void {
    const f = this.families.get(family) ?? empty();
    if ((f.items.get(itemId) ?? null) !== raw) f.version = null;
    this.keep(family, this.put(f, itemId, raw));
  }

  /** One item as this process just wrote it; `version`: the family's version after the write. */
  wrote(family: string, itemId: string, raw: string | null, version: number): void {
    const f = this.families.get(family) ?? empty();
    // Still the whole family only if no other write came between the one known and this one.
    f.version = f.version === version - 1 ? version : null;
    this.keep(family, this.put(f, itemId, raw));
  }

  /** undefined when this item was not seen (or is forgotten); null when it was seen absent. */
  get(family: string, itemId: string): string | null | undefined {
    const f = this.families.get(family);
    if (!f) return undefined;
    const raw = f.items.get(itemId);
    return raw !== undefined ? raw : f.version !== null ? null : undefined;
  }

  /** Every item of a family with its version, or null unless the whole family is known at one version. */
  all(family: string): SeenFamily | null {
    const f = this.families.get(family);
    return f && f.version !== null ? { version: f.version, raws: [...f.items.values()] } : null;
  }

  private put(f: Family, itemId: string, raw: string | null): Family {
    f.bytes -= f.items.get(itemId)?.length ?? 0;
    if (raw === null) f.items.delete(itemId);
    else {
      f.items.set(itemId, raw);
      f.bytes += raw.length;
    }
    return f;
  }

  /** Keeps `f` as the family seen last, forgetting the ones seen longest ago while over the cap. */
  private keep(family: string, f: Family): void {
    const before = this.families.get(family);
    this.bytes += f.bytes - (before?.counted ?? 0);
    f.counted = f.bytes;
    this.families.delete(family);
    this.families.set(family, f);
    for (const [oldest, o] of this.families) {
      if (this.bytes <= this.cap || oldest === family) break;
      this.families.delete(oldest);
      this.bytes -= o.counted;
    }
  }
}

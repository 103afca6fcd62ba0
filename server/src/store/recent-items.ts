/**
 * What one process last saw of each item family in Redis, raw: the values it
 * read and the values it wrote. A write can start from it instead of reading
 * first, so a command whose only store work is one compare-and-set costs one
 * round trip (opening a round: bench:breakouts). It is never the truth: another
 * process may have written since, and the compare-and-set finds that out
 * (casUpdate). Bounded: the families seen longest ago are forgotten first.
 */
const FAMILIES_KEPT = 2_000;

interface Family {
  /** Whether every item of the family is here (a whole family was read); else only single items seen. */
  complete: boolean;
  items: Map<string, string>;
}

export class RecentItems {
  private readonly families = new Map<string, Family>();

  constructor(private readonly cap = FAMILIES_KEPT) {}

  /** A whole family as just read. */
  replace(family: string, items: Iterable<[string, string]>): void {
    this.touch(family, { complete: true, items: new Map(items) });
  }

  /** One item as just read or written (null: there is none). */
  set(family: string, itemId: string, raw: string | null): void {
    const f = this.families.get(family) ?? { complete: false, items: new Map<string, string>() };
    if (raw === null) f.items.delete(itemId);
    else f.items.set(itemId, raw);
    this.touch(family, f);
  }

  /** undefined when this item was not seen (or its family is forgotten); null when it was seen absent. */
  get(family: string, itemId: string): string | null | undefined {
    const f = this.families.get(family);
    if (!f) return undefined;
    const raw = f.items.get(itemId);
    return raw !== undefined ? raw : f.complete ? null : undefined;
  }

  /** Every item of a family, or null unless the whole family was read. */
  all(family: string): string[] | null {
    const f = this.families.get(family);
    return f?.complete ? [...f.items.values()] : null;
  }

  /** The family was seen now: it moves to the back of the eviction order. */
  private touch(family: string, f: Family): void {
    this.families.delete(family);
    this.families.set(family, f);
    if (this.families.size > this.cap) this.families.delete(this.families.keys().next().value!);
  }
}

/**
 * Every string the interface shows goes through msg() with an explicit id, and
 * the English module must translate every id. This test reads the sources the
 * way a translator would and fails on a missing, surplus or mismatched entry.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templates } from '../locales/en.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

interface Call {
  file: string;
  id: string | null;
  /** The German source text as written. */
  source: string;
  /** Number of `${…}` expressions in a str template; null for plain strings. */
  params: number | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' || name === 'test-support' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Reads one msg(...) call's first argument and its options' id, starting after "msg(". */
function readCall(text: string, start: number, file: string): Call {
  let i = start;
  const skipSpace = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  skipSpace();
  let source = '';
  let params: number | null = null;
  if (text.startsWith('str`', i)) {
    i += 4;
    params = 0;
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (depth === 0 && c === '`') break;
      if (depth === 0 && c === '$' && text[i + 1] === '{') {
        params++;
        depth = 1;
        source += '${…}';
        i++;
        continue;
      }
      if (depth > 0) {
        if (c === '{') depth++;
        if (c === '}') depth--;
        continue;
      }
      source += c;
    }
    i++;
  } else if (text[i] === "'" || text[i] === '"') {
    const quote = text[i++];
    for (; i < text.length && text[i] !== quote; i++) source += text[i] === '\\' ? text[++i] : text[i];
    i++;
  } else {
    return { file, id: null, source: text.slice(start, start + 40), params: null };
  }
  skipSpace();
  const options = /^,\s*\{\s*id:\s*'([^']+)'/.exec(text.slice(i));
  return { file, id: options ? options[1]! : null, source, params };
}

function msgCalls(): Call[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const calls: Call[] = [];
    for (const m of text.matchAll(/\bmsg\(/g)) {
      // Skip the import line and type positions: only calls followed by a string or str``.
      const after = text.slice(m.index + 4).trimStart();
      if (!/^(str`|'|")/.test(after)) continue;
      calls.push(readCall(text, m.index + 4, relative(SRC, file)));
    }
    return calls;
  });
}

type Template = string | { strTag: true; strings: readonly string[]; values: readonly unknown[] };
const english = templates as Record<string, Template>;

describe('localization', () => {
  const calls = msgCalls();

  it('finds the msg() calls of the interface', () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  it('every msg() call has an explicit id', () => {
    expect(calls.filter((c) => c.id === null).map((c) => `${c.file}: ${c.source}`)).toEqual([]);
  });

  it('one id means one German text everywhere', () => {
    const byId = new Map<string, Set<string>>();
    for (const c of calls) byId.set(c.id!, (byId.get(c.id!) ?? new Set()).add(c.source));
    const conflicts = [...byId].filter(([, texts]) => texts.size > 1).map(([id, texts]) => `${id}: ${[...texts].join(' | ')}`);
    expect(conflicts).toEqual([]);
  });

  it('English has every id used in the code', () => {
    const missing = [...new Set(calls.map((c) => c.id!))].filter((id) => !(id in english)).sort();
    expect(missing).toEqual([]);
  });

  it('English has no ids the code no longer uses', () => {
    const used = new Set(calls.map((c) => c.id));
    expect(Object.keys(english).filter((id) => !used.has(id))).toEqual([]);
  });

  it('parameters match: str templates stay str and refer only to existing expressions', () => {
    const problems: string[] = [];
    for (const c of calls) {
      const t = english[c.id!];
      if (t === undefined) continue;
      if (c.params === null) {
        if (typeof t !== 'string') problems.push(`${c.id}: source is plain text, English is a template`);
        continue;
      }
      if (typeof t === 'string') {
        problems.push(`${c.id}: source has ${c.params} parameter(s), English is plain text`);
        continue;
      }
      const indices = t.values.map(Number);
      const expected = Array.from({ length: c.params }, (_, i) => i);
      if ([...new Set(indices)].sort().join() !== expected.join()) {
        problems.push(`${c.id}: English uses \${${indices.join('},${')}} for ${c.params} parameter(s)`);
      }
    }
    expect(problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { hostKeyFromHash, matchRoute, parseJoinInput } from './router.js';

describe('routes', () => {
  it('maps the paths the server serves', () => {
    expect(matchRoute('/')).toEqual({ name: 'landing' });
    expect(matchRoute('/new')).toEqual({ name: 'new' });
    expect(matchRoute('/new/')).toEqual({ name: 'new' });
    expect(matchRoute('/j/abcdef')).toEqual({ name: 'join', code: 'ABCDEF' });
    expect(matchRoute('/j/ABC')).toEqual({ name: 'notFound' });
    expect(matchRoute('/elsewhere')).toEqual({ name: 'notFound' });
  });

  it('reads the host key from the fragment only', () => {
    expect(hostKeyFromHash('#host=s3cr3t')).toBe('s3cr3t');
    expect(hostKeyFromHash('')).toBeNull();
    expect(hostKeyFromHash('#other=1')).toBeNull();
  });

  it('accepts a code with spaces or a pasted link as join input', () => {
    expect(parseJoinInput(' k7m-2qx ')).toBe('K7M2QX');
    expect(parseJoinInput('https://mashup.example.org/j/K7M2QX#host=x')).toBe('K7M2QX');
    expect(parseJoinInput('hello')).toBeNull();
    expect(parseJoinInput('O0I1L5')).toBeNull();
  });
});

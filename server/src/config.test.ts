import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('has embedded defaults: in-memory store, demo event, port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', redisUrl: undefined, demoEvent: true });
  });

  it('treats empty variables as unset and trims a trailing slash from PUBLIC_URL', () => {
    const c = loadConfig({ REDIS_URL: '', PUBLIC_URL: 'https://mashup.example.org/' });
    expect(c.redisUrl).toBeUndefined();
    expect(c.publicUrl).toBe('https://mashup.example.org');
  });

  it('refuses invalid values with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url', SESSION_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*REDIS_URL[\s\S]*SESSION_SECRET/,
    );
  });
});

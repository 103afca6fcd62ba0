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

  describe('audio and video', () => {
    it('defaults to the automatic plane, no ICE servers (no third-party hosts), 6 mesh publishers, ports 40000–40100', () => {
      const c = loadConfig({});
      expect(c.mediaPlane).toBe('auto');
      expect(c.iceServers).toEqual([]);
      expect(c.meshMaxPublishers).toBe(6);
      expect(c.sfu).toMatchObject({
        listenIp: '127.0.0.1',
        announcedAddress: undefined,
        rtcMinPort: 40000,
        rtcMaxPort: 40100,
        consumersPerWorker: 500,
      });
      expect(c.sfu.workers).toBeGreaterThanOrEqual(1);
    });

    it('reads the SFU block and ICE servers as given', () => {
      const c = loadConfig({
        MEDIA_PLANE: 'sfu',
        ICE_SERVERS: '[{"urls":["turn:turn.example.org:3478?transport=tcp"],"username":"u","credential":"p"},{"urls":"stun:turn.example.org:3478"}]',
        MESH_MAX_PUBLISHERS: '4',
        SFU_LISTEN_IP: '0.0.0.0',
        SFU_ANNOUNCED_ADDRESS: 'media.example.org',
        SFU_RTC_MIN_PORT: '41000',
        SFU_RTC_MAX_PORT: '41999',
        SFU_WORKERS: '3',
        SFU_CONSUMERS_PER_WORKER: '800',
      });
      expect(c.mediaPlane).toBe('sfu');
      expect(c.iceServers).toEqual([
        { urls: ['turn:turn.example.org:3478?transport=tcp'], username: 'u', credential: 'p' },
        { urls: 'stun:turn.example.org:3478' },
      ]);
      expect(c.meshMaxPublishers).toBe(4);
      expect(c.sfu).toEqual({
        workers: 3,
        listenIp: '0.0.0.0',
        announcedAddress: 'media.example.org',
        rtcMinPort: 41000,
        rtcMaxPort: 41999,
        consumersPerWorker: 800,
      });
    });

    it.each([
      ['MEDIA_PLANE', { MEDIA_PLANE: 'janus' }],
      ['ICE_SERVERS', { ICE_SERVERS: 'stun:stun.example.org' }],
      ['ICE_SERVERS', { ICE_SERVERS: '[{"url":"stun:x"}]' }],
      ['MESH_MAX_PUBLISHERS', { MESH_MAX_PUBLISHERS: '0' }],
      ['SFU_LISTEN_IP', { SFU_LISTEN_IP: 'localhost' }],
      ['SFU_RTC_MIN_PORT', { SFU_RTC_MIN_PORT: '80' }],
      ['SFU_RTC_MAX_PORT', { SFU_RTC_MIN_PORT: '40100', SFU_RTC_MAX_PORT: '40000' }],
      ['SFU_WORKERS', { SFU_WORKERS: '0' }],
      ['SFU_CONSUMERS_PER_WORKER', { SFU_CONSUMERS_PER_WORKER: 'many' }],
    ])('refuses an invalid %s', (name, env) => {
      expect(() => loadConfig(env)).toThrow(new RegExp(`Invalid configuration[\\s\\S]*${name}`));
    });
  });
});

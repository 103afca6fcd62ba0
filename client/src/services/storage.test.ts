import { describe, expect, it } from 'vitest';
import { DeviceStore, MemoryStorage, type KeyValueStorage } from './storage.js';

describe('DeviceStore', () => {
  it('remembers name and organisation per device and a token per event code', () => {
    const store = new DeviceStore(new MemoryStorage());
    expect(store.profile()).toBeNull();
    store.saveProfile({ name: 'Alex Beispiel', org: 'Stadt Ulm' });
    store.saveToken('abcdef', 't-1');
    store.saveToken('GHJKMN', 't-2');
    expect(store.profile()).toEqual({ name: 'Alex Beispiel', org: 'Stadt Ulm' });
    expect(store.token('ABCDEF')).toBe('t-1');
    store.forgetToken('ABCDEF');
    expect(store.token('abcdef')).toBeNull();
    expect(store.token('GHJKMN')).toBe('t-2');
  });

  it('treats a corrupt profile as none and an unknown locale as unset', () => {
    const storage = new MemoryStorage();
    storage.setItem('mashup.profile', '{not json');
    storage.setItem('mashup.locale', 'fr');
    const store = new DeviceStore(storage);
    expect(store.profile()).toBeNull();
    expect(store.locale()).toBeNull();
  });

  it('keeps working when the browser refuses storage', () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = new DeviceStore(refusing);
    expect(() => store.saveToken('ABCDEF', 't')).not.toThrow();
    expect(store.token('ABCDEF')).toBeNull();
  });
});

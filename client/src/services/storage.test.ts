import { describe, expect, it } from 'vitest';
import { DeviceStore, MemoryStorage, parseDevicePreferences, type KeyValueStorage } from './storage.js';
import { DEFAULT_DEVICE_PREFERENCES } from './media/types.js';

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

describe('device choices for audio and video', () => {
  it('nothing saved → null (the device check is shown); saved choices come back', () => {
    const store = new DeviceStore(new MemoryStorage());
    expect(store.mediaPreferences()).toBeNull();
    const prefs = { micOn: true, cameraOn: false, micId: 'mic-1', cameraId: null, speakerId: 'out-2', audioOnly: true };
    store.saveMediaPreferences(prefs);
    expect(store.mediaPreferences()).toEqual(prefs);
  });

  it('stored under mashup.media; a corrupt entry counts as none', () => {
    const storage = new MemoryStorage();
    new DeviceStore(storage).saveMediaPreferences({ ...DEFAULT_DEVICE_PREFERENCES, micOn: true });
    expect(JSON.parse(storage.getItem('mashup.media')!)).toMatchObject({ micOn: true, cameraOn: false });
    storage.setItem('mashup.media', '{oops');
    expect(new DeviceStore(storage).mediaPreferences()).toBeNull();
  });

  it('validation: toggles other than true read as off, ids other than non-empty strings as not chosen', () => {
    expect(parseDevicePreferences({ micOn: 'yes', cameraOn: 1, micId: 42, cameraId: '', speakerId: 'x'.repeat(600), audioOnly: null })).toEqual(
      DEFAULT_DEVICE_PREFERENCES,
    );
    expect(parseDevicePreferences({})).toEqual(DEFAULT_DEVICE_PREFERENCES);
    expect(parseDevicePreferences(null)).toBeNull();
    expect(parseDevicePreferences([true])).toBeNull();
    expect(parseDevicePreferences('micOn')).toBeNull();
  });

  it('extra fields in storage are not carried along', () => {
    const storage = new MemoryStorage();
    storage.setItem('mashup.media', JSON.stringify({ micOn: true, cameraOn: true, evil: '<script>' }));
    expect(new DeviceStore(storage).mediaPreferences()).toEqual({ ...DEFAULT_DEVICE_PREFERENCES, micOn: true, cameraOn: true });
  });
});

/**
 * What this device remembers: the display name and organisation (so people do
 * not retype them per event), one token per event code (to rejoin as the same
 * participant after a reload), the language, dismissed announcements and the
 * camera and microphone choices (off until the person turns them on).
 * Locked-down office browsers may forbid localStorage; then it lives in memory.
 */
import type { Language } from '@mashup/shared';
import type { DevicePreferences } from './media/types.js';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class MemoryStorage implements KeyValueStorage {
  readonly #map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#map.set(key, value);
  }
  removeItem(key: string): void {
    this.#map.delete(key);
  }
}

/** localStorage if it works (a write may throw when disabled or full), otherwise memory. */
export function deviceStorage(): KeyValueStorage {
  try {
    const probe = '__mashup_probe__';
    globalThis.localStorage.setItem(probe, '1');
    globalThis.localStorage.removeItem(probe);
    return globalThis.localStorage;
  } catch {
    return new MemoryStorage();
  }
}

export interface Profile {
  name: string;
  org: string;
}

const PREFIX = 'mashup.';

export class DeviceStore {
  readonly #storage: KeyValueStorage;

  constructor(storage: KeyValueStorage) {
    this.#storage = storage;
  }

  profile(): Profile | null {
    const raw = this.#get('profile');
    if (!raw) return null;
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value === 'object' && value !== null && 'name' in value && 'org' in value) {
        const { name, org } = value;
        if (typeof name === 'string' && typeof org === 'string') return { name, org };
      }
    } catch {
      // A corrupt entry is as good as none; it is overwritten on the next join.
    }
    return null;
  }

  saveProfile(profile: Profile): void {
    this.#set('profile', JSON.stringify({ name: profile.name, org: profile.org }));
  }

  token(code: string): string | null {
    return this.#get(`token.${normalize(code)}`);
  }

  saveToken(code: string, token: string): void {
    this.#set(`token.${normalize(code)}`, token);
  }

  forgetToken(code: string): void {
    this.#remove(`token.${normalize(code)}`);
  }

  locale(): Language | null {
    const value = this.#get('locale');
    return value === 'de' || value === 'en' ? value : null;
  }

  saveLocale(locale: Language): void {
    this.#set('locale', locale);
  }

  dismissedAnnouncement(code: string): string | null {
    return this.#get(`dismissed.${normalize(code)}`);
  }

  saveDismissedAnnouncement(code: string, announcementId: string): void {
    this.#set(`dismissed.${normalize(code)}`, announcementId);
  }

  /** The remembered device choices, or null when the person never confirmed the device check on this device. */
  mediaPreferences(): DevicePreferences | null {
    const raw = this.#get('media');
    if (!raw) return null;
    try {
      return parseDevicePreferences(JSON.parse(raw));
    } catch {
      // A corrupt entry counts as none: the device check asks again.
      return null;
    }
  }

  saveMediaPreferences(prefs: DevicePreferences): void {
    const { micOn, cameraOn, micId, cameraId, speakerId, audioOnly } = prefs;
    this.#set('media', JSON.stringify({ micOn, cameraOn, micId, cameraId, speakerId, audioOnly }));
  }

  #get(key: string): string | null {
    try {
      return this.#storage.getItem(PREFIX + key);
    } catch {
      return null;
    }
  }

  #set(key: string, value: string): void {
    try {
      this.#storage.setItem(PREFIX + key, value);
    } catch {
      // Quota or policy: remembering is a convenience, the session works without it.
    }
  }

  #remove(key: string): void {
    try {
      this.#storage.removeItem(PREFIX + key);
    } catch {
      // See #set.
    }
  }
}

/** Device ids are opaque browser strings; anything longer is not one. */
const DEVICE_ID_MAX = 512;

/**
 * Reads device choices back from storage: the toggles must be booleans and
 * the ids strings (or null); anything else means "not chosen". Camera and
 * microphone stay off unless the stored value says `true` (privacy).
 */
export function parseDevicePreferences(value: unknown): DevicePreferences | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const id = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 && x.length <= DEVICE_ID_MAX ? x : null);
  return {
    micOn: v['micOn'] === true,
    cameraOn: v['cameraOn'] === true,
    micId: id(v['micId']),
    cameraId: id(v['cameraId']),
    speakerId: id(v['speakerId']),
    audioOnly: v['audioOnly'] === true,
  };
}

function normalize(code: string): string {
  return code.trim().toUpperCase();
}

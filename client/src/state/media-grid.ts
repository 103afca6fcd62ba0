/**
 * The media grid as data: which picture is shown large and in which order the
 * others follow. Pure, so the rules are tested without a browser; the views
 * (components/media/) only render the result.
 *
 * Rules:
 * - A shared screen is shown large whenever there is one: slides and documents
 *   are unreadable in a small tile. Of several, the pinned peer's, then the
 *   active speaker's, then the first in the session's order.
 * - Otherwise the focus peer (pinned, else the active speaker; MediaView's
 *   `focusPeerId`) is large — once there are three pictures or more, or when
 *   something is pinned. One or two people share the space equally.
 * - The small tiles keep a stable order (the session's, the own tile last), so
 *   they do not jump when the speaker changes; the focus tile is taken out.
 * - On the plenary's stage only peers who send something appear.
 */
import type { MediaTile, MediaView } from '../services/media/types.js';

export type GridItem = { kind: 'camera'; tile: MediaTile } | { kind: 'screen'; tile: MediaTile };

export interface GridLayout {
  /** The large picture, or null when all tiles share the space equally. */
  focus: GridItem | null;
  /** The other pictures, in display order. */
  others: GridItem[];
}

export type GridMode = 'room' | 'stage';

/** A tile that sends something (what the plenary's stage shows). */
export function isPublishing(tile: MediaTile): boolean {
  return tile.audio || tile.video || tile.screen !== null;
}

/** Tiles in display order: the session's order, the own tile last. */
export function orderTiles(tiles: readonly MediaTile[]): MediaTile[] {
  return [...tiles.filter((t) => !t.self), ...tiles.filter((t) => t.self)];
}

/** A key for one picture (camera and screen of one peer are two). */
export function itemKey(item: GridItem): string {
  return `${item.kind}:${item.tile.peerId}`;
}

export function gridLayout(view: Pick<MediaView, 'tiles' | 'focusPeerId' | 'pinnedPeerId'>, mode: GridMode = 'room'): GridLayout {
  const tiles = orderTiles(mode === 'stage' ? view.tiles.filter(isPublishing) : view.tiles);
  const cameras: GridItem[] = tiles.map((tile) => ({ kind: 'camera', tile }));
  const sharers = tiles.filter((t) => t.screen !== null);
  if (sharers.length > 0) {
    const large =
      sharers.find((t) => t.peerId === view.pinnedPeerId) ?? sharers.find((t) => t.peerId === view.focusPeerId) ?? sharers[0]!;
    const otherScreens: GridItem[] = sharers.filter((t) => t !== large).map((tile) => ({ kind: 'screen', tile }));
    // The focus peer's camera leads the small row, so the speaker stays visible beside the screen.
    const focusCam = cameras.filter((c) => c.tile.peerId === view.focusPeerId);
    const restCams = cameras.filter((c) => c.tile.peerId !== view.focusPeerId);
    return { focus: { kind: 'screen', tile: large }, others: [...otherScreens, ...focusCam, ...restCams] };
  }
  const focusTile = tiles.find((t) => t.peerId === view.focusPeerId);
  const pinned = view.pinnedPeerId !== null && focusTile?.peerId === view.pinnedPeerId;
  if (!focusTile || (tiles.length < 3 && !pinned)) return { focus: null, others: cameras };
  return { focus: { kind: 'camera', tile: focusTile }, others: cameras.filter((c) => c.tile !== focusTile) };
}

/** Up to two initials for a tile without video: "Ada Lovelace" → "AL", "ada" → "A". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => w.length > 0);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** Whether a tile shows moving pictures: its camera arrives and the person did not choose audio only (own tile always). */
export function showsVideo(tile: MediaTile, audioOnly: boolean): boolean {
  return tile.video && tile.stream !== null && tile.stream.getVideoTracks().length > 0 && (tile.self || !audioOnly);
}

/**
 * Whose camera this layout shows large (rule M5: received at the higher
 * quality): the focus camera, or everyone when at most two pictures share the
 * space. Under a shared screen every camera is small.
 */
export function largeCameras(layout: GridLayout): string[] {
  const remote = (item: GridItem) => !item.tile.self;
  if (layout.focus) return layout.focus.kind === 'camera' && remote(layout.focus) ? [layout.focus.tile.peerId] : [];
  return layout.others.length <= 2 ? layout.others.filter(remote).map((i) => i.tile.peerId) : [];
}

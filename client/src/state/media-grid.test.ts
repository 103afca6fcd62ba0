import { describe, expect, it } from 'vitest';
import type { MediaTile, MediaView } from '../services/media/types.js';
import { gridLayout, initials, isPublishing, itemKey, largeCameras, orderTiles, showsVideo } from './media-grid.js';

const camStream = { getVideoTracks: () => [{}] } as unknown as MediaStream;
const audioStream = { getVideoTracks: () => [] } as unknown as MediaStream;
const screenStream = { getVideoTracks: () => [{}] } as unknown as MediaStream;

function tile(peerId: string, extra: Partial<MediaTile> = {}): MediaTile {
  return { peerId, participantId: `p-${peerId}`, self: false, stream: camStream, screen: null, audio: true, video: true, speaking: false, ...extra };
}

function view(tiles: MediaTile[], focusPeerId: string | null = null, pinnedPeerId: string | null = null): Pick<MediaView, 'tiles' | 'focusPeerId' | 'pinnedPeerId'> {
  return { tiles, focusPeerId, pinnedPeerId };
}

const keys = (items: { kind: string; tile: MediaTile }[]) => items.map((i) => itemKey(i as never));

describe('media grid layout', () => {
  it('one or two people share the space equally, own tile last', () => {
    const me = tile('me', { self: true });
    const layout = gridLayout(view([me, tile('a')], 'a'));
    expect(layout.focus).toBeNull();
    expect(keys(layout.others)).toEqual(['camera:a', 'camera:me']);
  });

  it('from three people on, the active speaker is large and the others keep their order', () => {
    const layout = gridLayout(view([tile('me', { self: true }), tile('a'), tile('b'), tile('c')], 'b'));
    expect(layout.focus && itemKey(layout.focus)).toBe('camera:b');
    expect(keys(layout.others)).toEqual(['camera:a', 'camera:c', 'camera:me']);
  });

  it('a pinned tile is large even with two people', () => {
    const layout = gridLayout(view([tile('me', { self: true }), tile('a')], 'a', 'a'));
    expect(layout.focus && itemKey(layout.focus)).toBe('camera:a');
    expect(keys(layout.others)).toEqual(['camera:me']);
  });

  it('no focus peer (nobody spoke yet) → an equal grid', () => {
    const layout = gridLayout(view([tile('a'), tile('b'), tile('c')], null));
    expect(layout.focus).toBeNull();
    expect(layout.others).toHaveLength(3);
  });

  it('a focus peer that has left is ignored', () => {
    const layout = gridLayout(view([tile('a'), tile('b'), tile('c')], 'gone', 'gone'));
    expect(layout.focus).toBeNull();
  });

  it('a shared screen is always large; the speaker\'s camera leads the small row', () => {
    const layout = gridLayout(view([tile('a'), tile('b', { screen: screenStream }), tile('c')], 'c'));
    expect(layout.focus && itemKey(layout.focus)).toBe('screen:b');
    expect(keys(layout.others)).toEqual(['camera:c', 'camera:a', 'camera:b']);
  });

  it('of several screens the pinned peer\'s is large, then the speaker\'s; the rest come first in the small row', () => {
    const tiles = [tile('a', { screen: screenStream }), tile('b', { screen: screenStream }), tile('c', { screen: screenStream })];
    expect(itemKey(gridLayout(view(tiles, 'b', 'c')).focus!)).toBe('screen:c');
    const bySpeaker = gridLayout(view(tiles, 'b'));
    expect(itemKey(bySpeaker.focus!)).toBe('screen:b');
    expect(keys(bySpeaker.others).slice(0, 2)).toEqual(['screen:a', 'screen:c']);
    expect(itemKey(gridLayout(view(tiles, null)).focus!)).toBe('screen:a');
  });

  it('stage mode: only peers who send something; nobody sends → nothing at all', () => {
    const quiet = tile('q', { audio: false, video: false, stream: null });
    const layout = gridLayout(view([quiet, tile('host', { video: false, stream: audioStream }), tile('me', { self: true, audio: false, video: false })], 'host'), 'stage');
    expect(keys(layout.others)).toEqual(['camera:host']);
    const empty = gridLayout(view([quiet], null), 'stage');
    expect(empty).toEqual({ focus: null, others: [] });
  });

  it('room mode keeps people who send nothing (shown with initials)', () => {
    const layout = gridLayout(view([tile('q', { audio: false, video: false, stream: null }), tile('a')], null));
    expect(keys(layout.others)).toEqual(['camera:q', 'camera:a']);
  });
});

describe('cameras shown large (rule M5)', () => {
  const me = tile('me', { self: true });
  it('two pictures: the other person is large', () => {
    expect(largeCameras(gridLayout(view([me, tile('a')], null)))).toEqual(['a']);
  });
  it('from three on: only the focus camera; the own tile never counts', () => {
    expect(largeCameras(gridLayout(view([me, tile('a'), tile('b')], 'b')))).toEqual(['b']);
    expect(largeCameras(gridLayout(view([me, tile('a'), tile('b')], 'me')))).toEqual([]);
    expect(largeCameras(gridLayout(view([me, tile('a'), tile('b')], null)))).toEqual([]);
  });
  it('a pinned camera is large (the view makes the pin its focus)', () => {
    expect(largeCameras(gridLayout(view([me, tile('a'), tile('b')], 'b', 'b')))).toEqual(['b']);
  });
  it('under a shared screen every camera is small', () => {
    expect(largeCameras(gridLayout(view([me, tile('a', { screen: screenStream }), tile('b')], 'b')))).toEqual([]);
  });
});

describe('tile helpers', () => {
  it('publishing = sends audio, video or a screen', () => {
    expect(isPublishing(tile('a', { audio: false, video: false }))).toBe(false);
    expect(isPublishing(tile('a', { audio: false, video: false, screen: screenStream }))).toBe(true);
    expect(isPublishing(tile('a', { video: false }))).toBe(true);
  });

  it('own tile goes last, the rest keep the session order', () => {
    expect(orderTiles([tile('me', { self: true }), tile('b'), tile('a')]).map((t) => t.peerId)).toEqual(['b', 'a', 'me']);
  });

  it('initials: first and last word, upper case, letters beyond ASCII', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  ada  ')).toBe('A');
    expect(initials('Jörg von Öhringen')).toBe('JÖ');
    expect(initials('')).toBe('?');
  });

  it('video is shown when the camera arrives; audio only hides others\' video but not the own preview', () => {
    expect(showsVideo(tile('a'), false)).toBe(true);
    expect(showsVideo(tile('a'), true)).toBe(false);
    expect(showsVideo(tile('me', { self: true }), true)).toBe(true);
    expect(showsVideo(tile('a', { video: false }), false)).toBe(false);
    expect(showsVideo(tile('a', { stream: audioStream }), false)).toBe(false);
    expect(showsVideo(tile('a', { stream: null }), false)).toBe(false);
  });
});

/**
 * An init script for pages whose peer connections a test or benchmark reads
 * (getStats): it records every RTCPeerConnection the page makes in
 * `window.__pcs`. The app itself is not changed for it. Used by the e2e media
 * specs (through media.ts) and bench:media.
 */
export const RECORD_PEER_CONNECTIONS = () => {
  const w = window as unknown as { __pcs: RTCPeerConnection[]; RTCPeerConnection: typeof RTCPeerConnection };
  w.__pcs = [];
  const Original = w.RTCPeerConnection;
  w.RTCPeerConnection = class extends Original {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
  };
};

/**
 * What the SFU is configured with, and the fixed mediasoup options derived from
 * it. Pure: no mediasoup import (its types only).
 */
import type { types } from 'mediasoup';

export interface SfuSettings {
  /** mediasoup workers (one subprocess each, one CPU core each). */
  workers: number;
  /** Address the WebRTC transports listen on (0.0.0.0 in a container). */
  listenIp: string;
  /** Address browsers reach that listen address at (public IP or host name behind NAT/Docker). */
  announcedAddress: string | undefined;
  /**
   * Ports for WebRTC transports, shared by all workers. Each transport takes one
   * UDP and one TCP port from the range, so 101 ports carry about 100 transports,
   * i.e. about 50 people (one send and one receive transport each).
   */
  rtcMinPort: number;
  rtcMaxPort: number;
  /**
   * Consumers one worker serves before a room's further receivers go to a
   * router on another worker (the stage's producers are piped there). One worker
   * (one core) forwards on the order of 500 consumers in mediasoup's own
   * scalability notes.
   */
  consumersPerWorker: number;
}

/**
 * Opus for audio; VP8 first for video (every browser does simulcast with it),
 * H264 for Safari versions and hardware encoders that prefer it.
 */
export const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 1000 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 1000,
    },
  },
];

function listenInfo(s: SfuSettings, protocol: types.TransportProtocol): types.TransportListenInfo {
  const info: types.TransportListenInfo = {
    protocol,
    ip: s.listenIp,
    portRange: { min: s.rtcMinPort, max: s.rtcMaxPort },
  };
  if (s.announcedAddress) info.announcedAddress = s.announcedAddress;
  return info;
}

/**
 * UDP preferred; TCP as the fallback for office networks that block UDP (a
 * TURN server over TCP/TLS is the next fallback, configured with ICE_SERVERS).
 */
export function webRtcTransportOptions(s: SfuSettings): types.WebRtcTransportOptions {
  return {
    listenInfos: [listenInfo(s, 'udp'), listenInfo(s, 'tcp')],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    // mediasoup's default (600 kbps) starts a receiver of several simulcast streams too low for a second or two.
    initialAvailableOutgoingBitrate: 1_000_000,
  };
}

/** Pipe transports between workers of this process: loopback is enough (same host). */
export const PIPE_LISTEN_INFO: types.TransportListenInfo = { protocol: 'udp', ip: '127.0.0.1' };

export function workerSettings(s: SfuSettings): types.WorkerSettings {
  return {
    logLevel: 'warn',
    logTags: ['ice', 'dtls', 'rtp', 'srtp', 'rtcp', 'simulcast'],
    rtcMinPort: s.rtcMinPort,
    rtcMaxPort: s.rtcMaxPort,
  };
}

/** Every Redis key the server uses, built in one place (STYLE 7). */
export function redisKeys(prefix: string) {
  const ev = (eventId: string) => `${prefix}event:${eventId}`;
  return {
    secret: () => `${prefix}secret`,
    event: ev,
    code: (code: string) => `${prefix}code:${code}`,
    seq: (eventId: string) => `${ev(eventId)}:seq`,
    people: (eventId: string) => `${ev(eventId)}:people`,
    doc: (eventId: string, name: string) => `${ev(eventId)}:doc:${name}`,
    /** Hash of one item family (rounds, results boards, lobbies, speed-dating sessions): field = item id. */
    items: (eventId: string, kind: string) => `${ev(eventId)}:items:${kind}`,
    /** Counts the writes to any item of one family: a rule over the whole family is checked against it (ItemWrite.familyAt). */
    itemsVersion: (eventId: string, kind: string) => `${ev(eventId)}:itemsv:${kind}`,
    /** Hash of one speed-dating session's private marks and contact details: field = participant id (rule S7). */
    speedDatingMarks: (eventId: string, speedDatingId: string) => `${ev(eventId)}:sdmarks:${speedDatingId}`,
    /** Counts writes to private records; their compare-and-set takes a number that is not the event's seq. */
    privateRev: (eventId: string) => `${ev(eventId)}:privrev`,
    /** Hash of one room's media peers: field = peer id (socket id), value = MediaPeer JSON. */
    mediaRoom: (eventId: string, roomId: string) => `${ev(eventId)}:media:${roomId}`,
    /** Hash peer id → room id, so a peer is found (and removed) without knowing its room. */
    mediaIndex: (eventId: string) => `${ev(eventId)}:mediaidx`,
    chat: (eventId: string, roomId: string) => `${ev(eventId)}:chat:${roomId}`,
    chatSeq: (eventId: string, roomId: string) => `${ev(eventId)}:chatseq:${roomId}`,
    /** Stream, pub/sub channels and recovery sessions of the Socket.IO streams adapter. */
    adapterStream: () => `${prefix}socket.io`,
    adapterChannelPrefix: () => `${prefix}socket.io`,
    adapterSessionPrefix: () => `${prefix}sio:session:`,
    /** Liveness of one server process (expires unless refreshed). */
    processAlive: (processId: string) => `${prefix}proc:${processId}`,
    /** The open sockets of one server process. */
    processConnections: (processId: string) => `${prefix}proc:${processId}:conns`,
    processConnectionsPattern: () => `${prefix}proc:*:conns`,
    /** Rate-limit counters of one command family. */
    rateLimit: (family: string) => `${prefix}rl:${family}`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;

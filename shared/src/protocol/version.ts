/**
 * Bumped whenever an event name, a payload shape or a rule in docs/PROTOCOL.md
 * changes incompatibly. The server refuses sockets that speak another version
 * (rule C2), so a stale browser tab reloads instead of misreading state.
 */
export const PROTOCOL_VERSION = 1;

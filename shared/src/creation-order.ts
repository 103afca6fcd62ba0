/**
 * The order the snapshot lists rounds, lobbies and speed-dating sessions in,
 * and the order a client keeps them in as patches arrive: creation time, then
 * id, so items created in the same millisecond still sort alike everywhere.
 */
export const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number =>
  a.createdAt - b.createdAt || a.id.localeCompare(b.id);

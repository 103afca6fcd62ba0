/**
 * How the parts of the hosts' round panel (round rows, room overview, board)
 * send a request: through the panel, so there is one busy state and one
 * status/error line (run-request.ts) however many rounds are listed.
 */
import type { Ack } from '@mashup/shared';
import type { Confirmation } from '../run-request.js';

export type { Confirmation };

export type HostRun = <T>(request: () => Promise<Ack<T>>, confirmation?: Confirmation<T>) => Promise<boolean>;

/** A row asks the panel to open the set-up dialog or a confirmation (events up). */
export interface RoundAction {
  kind: 'edit' | 'delete' | 'close';
  roundId: string;
}

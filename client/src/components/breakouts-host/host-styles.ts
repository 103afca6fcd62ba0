/** Looks shared by the round rows, the room overview and the board: help highlight, occupancy, columns. */
import { css } from 'lit';
import { statusStyles } from '../../styles/panel.js';

export const hostStyles = css`
  :host {
    display: block;
  }
  ${statusStyles}
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mu-space-2);
    align-items: center;
    font-size: 0.875rem;
    color: var(--mu-text-muted);
  }
  .badge.live {
    background: var(--mu-success-soft);
    color: var(--mu-success);
  }
  .badge.warn {
    background: var(--mu-warning-soft);
    color: var(--mu-warning);
  }
  /* A help request: colour plus a border and the words "Hilfe gerufen", never colour alone. */
  .help {
    border: 2px solid var(--mu-warning);
    background: var(--mu-warning-soft);
  }
  .help-text {
    color: var(--mu-warning);
    font-weight: 700;
  }
  .remaining {
    font-variant-numeric: tabular-nums;
    font-size: 1.5rem;
    font-weight: 700;
  }
`;

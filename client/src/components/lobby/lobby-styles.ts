/**
 * Looks shared by the table cards, the list view and the table room: the
 * "voll" and "gesperrt" badges (a word and an icon beside the colour, never
 * colour alone), the seat dots and the list of people at a table.
 */
import { css } from 'lit';

export const lobbyStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .badge svg {
    width: 14px;
    height: 14px;
  }
  .badge.full {
    background: var(--mu-danger-soft);
    color: var(--mu-danger);
    border: 1px solid var(--mu-danger);
  }
  .badge.locked {
    background: var(--mu-warning-soft);
    color: var(--mu-warning);
    border: 1px solid var(--mu-warning);
  }
  .badge.mine {
    background: var(--mu-success-soft);
    color: var(--mu-success);
    border: 1px solid var(--mu-success);
  }
  /* One dot per seat, filled when taken: a picture of the table beside the words that say the same. */
  .dots {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 3px;
    vertical-align: middle;
  }
  .dots span {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    border: 1.5px solid var(--mu-border);
  }
  .dots span.taken {
    background: var(--mu-primary);
    border-color: var(--mu-primary);
  }
  .people {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .people li {
    overflow-wrap: anywhere;
  }
  .org {
    color: var(--mu-text-muted);
  }
  .free {
    font-variant-numeric: tabular-nums;
  }
`;

/**
 * The floor's and the table's card: one grid of sections, a large title that
 * takes the focus on arrival (a ring only for keyboard users), the status line.
 */
export const lobbyViewStyles = css`
  section {
    display: grid;
    gap: var(--mu-space-4);
  }
  h2 {
    font-size: 1.5rem;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--mu-focus);
  }
  .ok {
    color: var(--mu-success);
    font-weight: 600;
  }
  .ok:empty {
    display: none;
  }
`;

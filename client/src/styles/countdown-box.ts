import { css } from 'lit';

/**
 * The box of a room's countdown (a workshop round, a speed-dating round): a
 * label, large mm:ss digits and the level words. Each component adds its own
 * warning states and digit size on top.
 */
export const countdownBoxStyles = css`
  .box {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--mu-space-3);
    flex-wrap: wrap;
    padding: var(--mu-space-3) var(--mu-space-4);
    border: 1px solid var(--mu-border-soft);
    border-radius: var(--mu-radius);
    background: var(--mu-surface-2);
  }
  .label {
    display: flex;
    align-items: center;
    gap: var(--mu-space-2);
    font-weight: 600;
  }
  .digits {
    font-family: var(--mu-font-mono);
    font-variant-numeric: tabular-nums;
    font-size: 2.5rem;
    font-weight: 700;
    line-height: 1;
  }
`;

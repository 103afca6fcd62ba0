/**
 * What the plenary's stage shows (Pecha Kucha, video greetings) sits on one
 * card with a small uppercase kicker above its title, like the welcome.
 */
import { css } from 'lit';

export const stageCardStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--mu-space-3);
    padding: clamp(12px, 2vw, 20px);
    border-radius: calc(var(--mu-radius) * 1.5);
    background: var(--mu-surface);
    border: 1px solid var(--mu-border-soft);
    box-shadow: var(--mu-shadow);
  }
`;

/** The line above a stage title ("Willkommen im Plenum", "Gleich im Plenum"). */
export const kickerStyles = css`
  .kicker {
    font-weight: 700;
    color: var(--mu-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.06em;
    font-size: 0.8rem;
  }
`;

/**
 * The plenary's round views (workshop choices, results wall): a heading with
 * an icon over a grid of framed tiles, one per workshop.
 */
export const tileStyles = css`
  :host {
    display: block;
  }
  h2 {
    display: flex;
    align-items: center;
    gap: var(--mu-space-2);
    font-size: 1.25rem;
  }
  .tile {
    display: grid;
    gap: var(--mu-space-2);
    align-content: start;
    padding: var(--mu-space-4);
    border: 1px solid var(--mu-border-soft);
    border-radius: var(--mu-radius);
    background: var(--mu-surface);
  }
`;

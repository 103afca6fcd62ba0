/**
 * The panels stacked in the host menu (announcement and countdown, Pecha
 * Kucha, video greetings) and the presenter's "Ihr Vortrag" card. One module,
 * so the panels keep one heading, spacing and list look as they evolve.
 */
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--mu-space-4);
  }
  h2 {
    display: flex;
    align-items: center;
    gap: var(--mu-space-2);
    font-size: 1.125rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mu-space-2);
  }
  /* A panel's list (videos, the queue of talks): framed rows, no bullets. */
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mu-space-2);
  }
  li {
    padding: var(--mu-space-2) var(--mu-space-3);
    border: 1px solid var(--mu-border-soft);
    border-radius: var(--mu-radius);
  }
`;

/** Forms side by side in a panel, each in a framed fieldset. */
export const fieldsetStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
    gap: var(--mu-space-4);
  }
  fieldset {
    margin: 0;
    padding: var(--mu-space-4);
    border: 1px solid var(--mu-border-soft);
    border-radius: var(--mu-radius);
    display: grid;
    gap: var(--mu-space-3);
    align-content: start;
  }
  legend {
    font-weight: 700;
    padding: 0 var(--mu-space-1);
  }
  .field {
    margin: 0;
  }
`;

/**
 * A host panel's status line: what the last action did (`.ok-text`, kept one
 * line tall so the panel does not jump when it empties) and the error beside it.
 */
export const statusStyles = css`
  .ok-text {
    color: var(--mu-success);
    font-weight: 600;
    min-height: 1.5em;
  }
  .error {
    margin: 0;
  }
`;

/** Modal dialogs of the host panels (Pecha Kucha, video, workshop rounds; same look as the people panel's). */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    max-width: min(480px, calc(100vw - 32px));
    max-height: calc(100dvh - 32px);
    overflow: auto;
    border: 1px solid var(--mu-border);
    border-radius: calc(var(--mu-radius) * 1.5);
    background: var(--mu-surface);
    color: var(--mu-text);
    padding: var(--mu-space-5);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    font-size: 1.25rem;
    margin-bottom: var(--mu-space-3);
  }
  dialog .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--mu-space-2);
    margin-top: var(--mu-space-4);
  }
  @media (max-width: 520px) {
    dialog {
      padding: var(--mu-space-3);
    }
  }
`;

/**
 * The set-up dialogs' forms (Pecha Kucha talks, workshop rounds): framed
 * fieldsets, an ordered list of framed rows with a heading and up/down/remove
 * buttons (see editable-rows.ts), inline field errors. Each dialog adds its
 * own width and column grids.
 */
export const dialogFormStyles = css`
  form {
    display: grid;
    gap: var(--mu-space-4);
  }
  fieldset {
    margin: 0;
    padding: var(--mu-space-3) var(--mu-space-4);
    border: 1px solid var(--mu-border-soft);
    border-radius: var(--mu-radius);
    display: grid;
    gap: var(--mu-space-3);
  }
  legend {
    font-weight: 700;
    padding: 0 var(--mu-space-1);
  }
  .field {
    margin: 0;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mu-space-3);
  }
  li {
    display: grid;
    gap: var(--mu-space-2);
    padding: var(--mu-space-3);
    border: 1px solid var(--mu-border-soft);
    border-radius: var(--mu-radius);
    background: var(--mu-surface);
  }
  li h3 {
    font-size: 1rem;
  }
  .row-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--mu-space-2);
  }
  .row-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mu-space-1);
  }
  .field-error {
    color: var(--mu-danger);
    font-size: 0.875rem;
    font-weight: 600;
    margin-top: var(--mu-space-1);
  }
`;

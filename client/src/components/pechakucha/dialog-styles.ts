/** Modal dialogs of the Pecha Kucha and video panels (same look as the people panel's). */
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

/** The round set-up dialog's form: framed workshop rows, field grids, inline field errors. */
import { css } from 'lit';

export const roundDialogStyles = css`
  dialog {
    width: min(820px, calc(100vw - 16px));
    max-width: calc(100vw - 16px);
  }
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
  .two,
  .three {
    display: grid;
    gap: var(--mu-space-3);
  }
  .two {
    grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  }
  .three {
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
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

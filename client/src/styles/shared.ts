/**
 * Styles every component adopts: focus ring, buttons, fields, helpers.
 * Kept in one module so a change to, say, the focus ring reaches all views.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    font-family: var(--mu-font);
    color: var(--mu-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--mu-focus);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--mu-primary);
    text-underline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--mu-text-muted);
  }

  /* Buttons: text labels always; icons are decoration beside them. */
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--mu-space-2);
    min-height: max(var(--mu-target), 36px);
    min-width: var(--mu-target);
    padding: 6px 14px;
    border: 1px solid var(--mu-border);
    border-radius: var(--mu-radius);
    background: var(--mu-surface);
    color: var(--mu-text);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }
  .btn:hover:not(:disabled) {
    background: var(--mu-surface-2);
  }
  .btn:disabled,
  .btn[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .btn.primary {
    background: var(--mu-primary);
    border-color: var(--mu-primary);
    color: var(--mu-on-primary);
  }
  .btn.primary:hover:not(:disabled) {
    background: var(--mu-primary-hover);
  }
  .btn.danger {
    background: var(--mu-danger);
    border-color: var(--mu-danger);
    color: var(--mu-on-danger);
  }
  /* Without this the generic hover above paints the light surface under the white text. */
  .btn.danger:hover:not(:disabled) {
    background: var(--mu-danger);
    box-shadow: inset 0 0 0 2px var(--mu-on-danger);
  }
  .btn.quiet {
    border-color: transparent;
    background: transparent;
  }
  .btn.quiet:hover:not(:disabled) {
    background: var(--mu-surface-2);
  }
  .btn.small {
    min-height: var(--mu-target);
    padding: 2px 10px;
    font-size: 0.875rem;
  }
  .btn[aria-pressed='true'] {
    background: var(--mu-primary-soft);
    border-color: var(--mu-primary);
    color: var(--mu-on-primary-soft);
  }
  .btn svg {
    flex: none;
    width: 20px;
    height: 20px;
  }

  /* Fields */
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: var(--mu-space-1);
  }
  input,
  textarea,
  select {
    display: block;
    width: 100%;
    min-height: 40px;
    padding: 8px 10px;
    border: 1px solid var(--mu-border);
    border-radius: var(--mu-radius);
    background: var(--mu-surface);
    color: var(--mu-text);
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--mu-danger);
    border-width: 2px;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--mu-text-muted);
    margin-top: var(--mu-space-1);
  }
  .field {
    margin-bottom: var(--mu-space-4);
  }
  .error {
    display: flex;
    gap: var(--mu-space-2);
    align-items: flex-start;
    color: var(--mu-danger);
    font-weight: 600;
    margin-top: var(--mu-space-2);
  }
  .error svg {
    flex: none;
    width: 20px;
    height: 20px;
    margin-top: 2px;
  }
  .card {
    background: var(--mu-surface);
    border: 1px solid var(--mu-border-soft);
    border-radius: calc(var(--mu-radius) * 1.5);
    box-shadow: var(--mu-shadow);
    padding: var(--mu-space-5);
  }
  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.5rem;
    background: var(--mu-primary-soft);
    color: var(--mu-on-primary-soft);
    white-space: nowrap;
  }
`;

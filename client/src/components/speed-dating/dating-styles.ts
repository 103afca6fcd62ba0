/** Looks shared by the speed-dating views (pair, floor, plenary panel, contacts): one card, a title, the starter box. */
import { css } from 'lit';

export const datingStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--mu-space-4);
  }
  h2 {
    font-size: 1.5rem;
    overflow-wrap: anywhere;
  }
  h3 {
    display: flex;
    align-items: center;
    gap: var(--mu-space-2);
    font-size: 1.05rem;
  }
  .about {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
    gap: var(--mu-space-4);
    align-items: start;
  }
  .starter {
    display: grid;
    gap: var(--mu-space-2);
    padding: var(--mu-space-3) var(--mu-space-4);
    border-left: 4px solid var(--mu-primary);
    border-radius: var(--mu-radius);
    background: var(--mu-primary-soft);
    color: var(--mu-on-primary-soft);
  }
  .starter p {
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  .lead {
    font-size: 1.125rem;
    font-weight: 600;
  }
`;

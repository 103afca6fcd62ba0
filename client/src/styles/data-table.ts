/**
 * Data tables (the hosts' room overview, a lobby's tables as a list and in
 * the hosts' lobby panel): full width, the caption on the left, muted column
 * headers, rows divided by a line; below 640 px the rows stack as framed
 * blocks, so a table never scrolls sideways on a phone.
 */
import { css } from 'lit';

export const dataTableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: var(--mu-space-2);
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: var(--mu-space-2);
    border-bottom: 1px solid var(--mu-border-soft);
  }
  th[scope='col'] {
    font-size: 0.875rem;
    color: var(--mu-text-muted);
  }
  @media (max-width: 640px) {
    thead {
      display: none;
    }
    tr,
    th,
    td {
      display: block;
    }
    tr {
      border: 1px solid var(--mu-border-soft);
      border-radius: var(--mu-radius);
      margin-bottom: var(--mu-space-2);
    }
    td,
    th {
      border-bottom: 0;
    }
  }
`;

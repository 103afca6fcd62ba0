/** The round set-up dialog's own layout on top of dialogFormStyles: its width and the two- and three-column field grids. */
import { css } from 'lit';

export const roundDialogStyles = css`
  dialog {
    width: min(820px, calc(100vw - 16px));
    max-width: calc(100vw - 16px);
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
`;

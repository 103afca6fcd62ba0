import { css } from 'lit';

/**
 * The control bar's buttons on laptop screens (761–1440 px): label under the
 * icon, as in the video tools people know. With labels beside the icons a
 * host's bar (four media buttons, hand, four reactions, host menu, leave)
 * needs about 1,400 px and "Verlassen" wrapped to a second row at 1280 px.
 * Shared by <mashup-control-bar> and <mashup-media-controls> (own shadow roots).
 */
export const barButtonStyles = css`
  @media (min-width: 761px) and (max-width: 1440px) {
    .btn {
      flex-direction: column;
      gap: 0;
      min-width: 56px;
      padding: 2px 8px;
      font-size: 0.75rem;
    }
  }
`;

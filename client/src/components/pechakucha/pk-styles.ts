/** Styles shared by the Pecha Kucha views: the slide frame and the placeholder for a talk without a deck. */
import { css } from 'lit';

export const slideStyles = css`
  .frame {
    position: relative;
    margin: 0;
    width: 100%;
    aspect-ratio: 16 / 9;
    /* Title, progress, top and control bars stay in view on a 720 px high window. */
    max-height: calc(100dvh - 340px);
    min-height: 180px;
    background: #0b0d12;
    border-radius: var(--mu-radius);
    overflow: hidden;
    display: grid;
    place-items: center;
  }
  .frame img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .placeholder {
    width: 100%;
    height: 100%;
    display: grid;
    place-content: center;
    gap: var(--mu-space-2);
    padding: var(--mu-space-4);
    text-align: center;
    color: #f3f5f8;
    background: linear-gradient(135deg, #15307f, #0b0d12);
  }
  .placeholder .big {
    font-size: clamp(1.25rem, 4vw, 2.5rem);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .paused-badge {
    position: absolute;
    top: var(--mu-space-3);
    right: var(--mu-space-3);
    display: inline-flex;
    align-items: center;
    gap: var(--mu-space-2);
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--mu-warning-soft);
    color: var(--mu-warning);
    border: 2px solid var(--mu-warning);
    font-weight: 700;
  }
  .paused-badge svg {
    width: 18px;
    height: 18px;
  }
  /*
   * The slide's time as a bar, set on each whole second by the stage's
   * WakeController rather than animated: a continuous animation repaints 60
   * times a second, which on software rendering (virtual desktops, and our
   * headless test browsers) costs enough CPU to delay the slide switches.
   */
  .bar {
    position: relative;
    height: 6px;
    border-radius: 3px;
    background: var(--mu-surface-2);
    overflow: hidden;
  }
  .bar .fill {
    position: absolute;
    inset: 0;
    background: var(--mu-primary);
    transform-origin: left center;
    transform: scaleX(var(--done, 0));
  }
`;

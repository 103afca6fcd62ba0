/** Pages ask the app shell to change the route with this event (events up, no global router). */
export const NAVIGATE_EVENT = 'mashup-navigate';

export interface NavigateDetail {
  path: string;
  /** Replace the history entry instead of adding one (e.g. to drop a secret from the URL). */
  replace?: boolean;
}

export function navigateEvent(path: string, replace = false): CustomEvent<NavigateDetail> {
  return new CustomEvent<NavigateDetail>(NAVIGATE_EVENT, {
    detail: { path, replace },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface HTMLElementEventMap {
    [NAVIGATE_EVENT]: CustomEvent<NavigateDetail>;
  }
}

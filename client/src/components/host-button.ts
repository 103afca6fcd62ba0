/**
 * A button of the host panels: an icon beside a text label, and unavailable
 * as `aria-disabled` rather than `disabled`, so a button that becomes
 * unavailable right after use (Pause once paused, Öffnen once open) keeps
 * keyboard focus; its click is ignored instead.
 */
import { html, nothing } from 'lit';
import { icon, type IconName } from '../icons.js';

export interface HostButton {
  testid: string;
  label: string;
  icon?: IconName | null;
  /** Unavailable now (also while the panel's request runs). */
  off: boolean;
  primary?: boolean;
  action(): unknown;
}

export function hostButton(b: HostButton) {
  return html`<button class="btn ${b.primary ? 'primary' : ''}" type="button" data-testid=${b.testid} aria-disabled=${b.off ? 'true' : 'false'}
    @click=${() => {
      if (!b.off) void b.action();
    }}>
    ${b.icon ? icon(b.icon) : nothing}${b.label}
  </button>`;
}

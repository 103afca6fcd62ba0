/**
 * Self-hosted line icons (24×24, drawn for Mashup, stroke = currentColor).
 * Always decorative: every control that shows one also shows a text label,
 * so the SVG is aria-hidden.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const paths = {
  hand: svg`<path d="M8 13V6a1.5 1.5 0 0 1 3 0v5M11 10.5V4.5a1.5 1.5 0 0 1 3 0v6M14 10.5V6a1.5 1.5 0 0 1 3 0v6M17 10a1.5 1.5 0 0 1 3 0v4a7 7 0 0 1-7 7h-.5a7 7 0 0 1-6-3.4l-2.8-4.8a1.5 1.5 0 0 1 2.6-1.5L8 14"/>`,
  applause: svg`<path d="M8.5 14.5 5 11a1.5 1.5 0 0 1 2.1-2.1l3.4 3.4"/><path d="m7.8 10.3-1.4-1.4a1.5 1.5 0 0 1 2.1-2.1l4.6 4.6"/><path d="m10.6 7.5-.7-.7A1.5 1.5 0 0 1 12 4.7l5.3 5.3a5 5 0 0 1 0 7.1l-.7.7a5 5 0 0 1-7.1 0L5.7 14"/><path d="m18 3-1 2M21 6l-2 1M21 10.5 19.5 10"/>`,
  heart: svg`<path d="m12 20-7.1-7.3a4.5 4.5 0 0 1 6.4-6.4l.7.7.7-.7a4.5 4.5 0 0 1 6.4 6.4Z"/>`,
  laugh: svg`<circle cx="12" cy="12" r="9"/><path d="M7.5 13.5h9a4.5 4.5 0 0 1-9 0Z"/><path d="M8.5 9.5h1.5M14 9.5h1.5"/>`,
  plusone: svg`<path d="M7 11v9H4v-9ZM7 11l4-7a2 2 0 0 1 3 1.7L13.5 10H19a2 2 0 0 1 2 2.3l-1.2 6a2 2 0 0 1-2 1.7H7"/>`,
  leave: svg`<path d="M14 4h4a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-4"/><path d="m10 8-4 4 4 4M6 12h9"/>`,
  chat: svg`<path d="M4 5h16v11H9l-5 4Z"/>`,
  people: svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><path d="M16 4.6a3.5 3.5 0 0 1 0 6.8M18 14a6.5 6.5 0 0 1 3.5 6"/>`,
  megaphone: svg`<path d="M3 10v4h4l8 5V5l-8 5Z"/><path d="M18.5 9a4 4 0 0 1 0 6"/>`,
  timer: svg`<circle cx="12" cy="13" r="8"/><path d="M12 9v4l2.5 2.5M9 2h6"/>`,
  copy: svg`<rect x="8" y="8" width="12" height="12" rx="2"/><path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3"/>`,
  close: svg`<path d="m6 6 12 12M18 6 6 18"/>`,
  check: svg`<path d="m5 12.5 4.5 4.5L19 7.5"/>`,
  globe: svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>`,
  shield: svg`<path d="m12 3 7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6Z"/>`,
  info: svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>`,
  alert: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v6M12 16.5v.5"/>`,
  pause: svg`<path d="M9 6v12M15 6v12"/>`,
  play: svg`<path d="m8 5 11 7-11 7Z"/>`,
  stop: svg`<rect x="6" y="6" width="12" height="12" rx="1"/>`,
  plus: svg`<path d="M12 5v14M5 12h14"/>`,
  sliders: svg`<path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12"/><circle cx="16" cy="6" r="2"/><circle cx="10" cy="12" r="2"/><circle cx="18" cy="18" r="2"/>`,
  send: svg`<path d="M4 12 20 4l-5 16-3-7Z"/><path d="m12 13 8-9"/>`,
  link: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`,
  more: svg`<path d="M5 12h.01M12 12h.01M19 12h.01" stroke-width="3"/>`,
  wifiOff: svg`<path d="M3 3l18 18"/><path d="M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 5-2.7M19 13a10 10 0 0 0-2.2-1.7M2 9.5a15 15 0 0 1 4.5-2.8M22 9.5A15 15 0 0 0 11 5.3"/><path d="M12 20h.01"/>`,
  mic: svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3M9 21h6"/>`,
  micOff: svg`<path d="M15 10V6a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 4.6 2.5"/><path d="M5 11a7 7 0 0 0 11.3 5.5M19 11a7 7 0 0 1-.5 2.6M12 18v3M9 21h6"/><path d="m3 3 18 18"/>`,
  camera: svg`<rect x="3" y="6" width="13" height="12" rx="2"/><path d="m16 10.5 5-3.5v10l-5-3.5"/>`,
  cameraOff: svg`<path d="M10 6h4a2 2 0 0 1 2 2v2.5l5-3.5v10l-1.5-1M16 16a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2"/><path d="m3 3 18 18"/>`,
  screen: svg`<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M8 20h8M12 16v4"/><path d="m9.5 10 2.5-2.5 2.5 2.5M12 7.5v5"/>`,
  devices: svg`<circle cx="12" cy="10" r="7"/><circle cx="12" cy="10" r="2.5"/><path d="M8 21h8M12 17v4"/>`,
  pin: svg`<path d="M9 3h6l-1 6 4 4H6l4-4Z"/><path d="M12 13v8"/>`,
  volume: svg`<path d="M4 9v6h4l5 4V5L8 9Z"/><path d="M16.5 8.5a5 5 0 0 1 0 7M19.5 5.5a9 9 0 0 1 0 13"/>`,
  lock: svg`<rect x="5" y="10.5" width="14" height="10" rx="2"/><path d="M8 10.5V7.5a4 4 0 0 1 8 0v3"/>`,
  unlock: svg`<rect x="5" y="10.5" width="14" height="10" rx="2"/><path d="M8 10.5V7.5a4 4 0 0 1 7.7-1.5"/>`,
  shuffle: svg`<path d="M3 7h3.5a4 4 0 0 1 3.3 1.8l4.4 6.4a4 4 0 0 0 3.3 1.8H21"/><path d="M3 17h3.5a4 4 0 0 0 3.3-1.8M14.2 8.8A4 4 0 0 1 17.5 7H21"/><path d="m18 4 3 3-3 3M18 14l3 3-3 3"/>`,
  sparkle: svg`<path d="M12 3v4M12 17v4M3 12h4M17 12h4M6.3 6.3l2.2 2.2M15.5 15.5l2.2 2.2M6.3 17.7l2.2-2.2M15.5 8.5l2.2-2.2"/>`,
  grid: svg`<rect x="4" y="4" width="7" height="7" rx="1"/><rect x="13" y="4" width="7" height="7" rx="1"/><rect x="4" y="13" width="7" height="7" rx="1"/><rect x="13" y="13" width="7" height="7" rx="1"/>`,
  list: svg`<path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" stroke-width="2.5"/>`,
  table: svg`<ellipse cx="12" cy="10" rx="8" ry="3.5"/><path d="M12 13.5V20M8 20h8"/>`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof paths;

export function icon(name: IconName): TemplateResult {
  return html`<svg
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${paths[name]}
  </svg>`;
}

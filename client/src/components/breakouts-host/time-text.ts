/** Times in the hosts' round panel: clock times of help requests and "vor 3 Min." for the last activity. */
import { msg, str } from '@lit/localize';
import { minutesAgo } from '../../state/round-host.js';

/** hh:mm of a server timestamp in the page's language. */
export function clockTime(at: number): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || 'de', { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "gerade eben", "vor 3 Min." or "noch keine" for a room's last activity. */
export function agoText(at: number | null, now: number): string {
  if (at === null) return msg('noch keine', { id: 'breakoutHost.activityNone' });
  const minutes = minutesAgo(at, now);
  return minutes === 0 ? msg('gerade eben', { id: 'breakoutHost.activityJustNow' }) : msg(str`vor ${minutes} Min.`, { id: 'breakoutHost.activityAgo' });
}

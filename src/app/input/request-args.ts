import type { InputRequestOptions } from '../../domain/input-request';
import type { Translator } from '../../i18n/catalogue';
import { osloInstant } from '../../i18n/dates';

/**
 * What follows the meeting in `be om innspill`: `frist 2026-12-08 12:00` (the deadline),
 * `utsendelse 10` (send the cards 10 days before the formøte instead of now) and
 * `påminn 5,2` (reminders 5 and 2 days before the deadline). The words come from the
 * catalogue, so English works too; each part may be left out.
 */
export function readRequestArgs(t: Translator, rest: string): InputRequestOptions | 'bad-deadline' | 'bad-days' {
  const words = (key: string) => t.t(key).split('|').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const when = /(\d{4}-\d{2}-\d{2})\s+(\d{1,2}[:.]\d{2})/.exec(rest);
  const deadline = when ? osloInstant(when[1]!, when[2]!.replace('.', ':')) : undefined;
  if (when && !deadline) return 'bad-deadline';
  const send = new RegExp(`(?:${words('input.args.send')})\\s+(\\S+)`, 'iu').exec(rest);
  const remind = new RegExp(`(?:${words('input.args.remind')})\\s+([\\d,\\s]+)`, 'iu').exec(rest);
  const leadDays = send ? Number(send[1]) : undefined;
  const reminders = remind ? remind[1]!.split(/[,\s]+/).filter(Boolean).map(Number) : undefined;
  if ((leadDays !== undefined && !(Number.isInteger(leadDays) && leadDays >= 0)) || reminders?.some((d) => !Number.isInteger(d) || d <= 0)) return 'bad-days';
  return {
    sendNow: leadDays === undefined,
    ...(leadDays !== undefined ? { leadDays } : {}),
    ...(deadline ? { deadline: deadline.toISOString() } : {}),
    ...(reminders ? { reminderDaysBefore: reminders } : {}),
  };
}

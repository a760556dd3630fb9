import { osloInstantAt } from '../../../domain/oslo-when';
import type { errorCatalogue, ErrorCode } from '../../../domain/error-catalogue';
import type { Translator } from '../../../i18n/catalogue';
import { formatDate, formatTime } from '../../../i18n/dates';
import type { ArgsSchema } from './args';
import { argsOf } from './args';
import { echo } from './echo';
import type { ArgValue, ParsedArgs } from './parse-args';

const REF_KINDS = new Set(['meeting', 'vote', 'hearing', 'body']);

/** What an argument is called: the command's own word for it, else its kind's. */
export function argLabel(t: Translator, commandId: string, name: string, kind: string): string {
  const own = `command.${commandId}.arg.${name}`;
  return t.has(own) ? t.t(own) : t.t(`grammar.arg.${kind}`);
}

/** "flytt møte [møte] <dato og tid>", generated from the schema: help and refusals say the same. */
export function usageText(t: Translator, commandId: string, schema: ArgsSchema): string {
  const declared = argsOf(schema);
  const parts = declared.map(({ name, meta, required }, i) => {
    // A name before free text ends with a colon (separator.ts): "meld forfall [møte:] [grunn]".
    const beforeText = REF_KINDS.has(meta.kind) && declared[i + 1]?.meta.kind === 'text';
    const label = argLabel(t, commandId, name, meta.kind) + (beforeText ? ':' : '');
    const keyword = meta.keyword && !meta.keywordOptional ? meta.keyword : undefined;
    const shown = keyword ? `${t.t(keyword).split('|')[0]} <${label}>` : required ? `<${label}>` : label;
    return required && !keyword ? shown : `[${shown.replace(/^\[|\]$/g, '')}]`;
  });
  return [t.t(`command.${commandId}.name`), ...parts].join(' ');
}

function shownValue(t: Translator, value: ArgValue): string {
  if (typeof value === 'string') return `«${echo(value)}»`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(', ');
  const when = value;
  const parts: string[] = [];
  if (when.date) parts.push(formatDate(new Date(`${when.date}T12:00:00Z`), t.locale));
  const at = (time: { hour: number; minute: number }) =>
    formatTime(new Date(osloInstantAt(when.date ?? '2026-01-15', time)), t.locale);
  if (when.time)
    parts.push(when.endTime ? `${at(when.time)}–${at(when.endTime).replace(/^kl\.\s/, '')}` : at(when.time));
  return parts.join(' ');
}

/** A catalogue refusal for one argument's unreadable words: its only parameter is the words. */
export type BadInputCode = {
  [C in ErrorCode]: (typeof errorCatalogue)[C] extends readonly ['text'] ? C : never;
}[ErrorCode];

/** The answer to arguments that did not fit: what was understood, what was not, and the usage. */
export function refusalText<S extends ArgsSchema>(
  t: Translator,
  commandId: string,
  schema: S,
  parsed: Extract<ParsedArgs<S>, { ok: false }>,
  badInput: Readonly<Partial<Record<string, BadInputCode>>> = {},
): string {
  const kinds = new Map(argsOf(schema).map((a) => [a.name, a.meta.kind]));
  const label = (name: string) => argLabel(t, commandId, name, kinds.get(name) ?? 'text');
  const sentences: string[] = [];
  const own = parsed.refused ? badInput[parsed.refused] : undefined;
  const firstWord = parsed.leftOver?.split(/\s+/)[0];
  if (own && firstWord) sentences.push(t.t(`error.${own}`, { text: echo(firstWord) }));
  else if (parsed.leftOver && parsed.refused)
    sentences.push(t.t('grammar.not-understood-as', { text: echo(parsed.leftOver), arg: label(parsed.refused) }));
  else if (parsed.leftOver) sentences.push(t.t('grammar.not-understood', { text: echo(parsed.leftOver) }));
  else if (parsed.refused) sentences.push(t.t('grammar.missing', { arg: label(parsed.refused) }));
  const understood = Object.entries(parsed.understood).map(([name, value]) => `${label(name)} ${shownValue(t, value)}`);
  if (understood.length) sentences.push(t.t('grammar.understood', { list: understood.join(', ') }));
  sentences.push(t.t('grammar.usage', { usage: usageText(t, commandId, schema) }));
  return sentences.join(' ');
}

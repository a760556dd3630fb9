import type { DomainError } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import { errorText } from '../error-text';

/**
 * A command's usage as its catalogue entry writes it ("milepæl <prosjekt> <dato>: <milepæl> | …").
 * The network and project commands read their own free text, so their declared arguments would
 * only say "[tekst]".
 */
export const commandUsage = (t: Translator, commandId: string): string => t.t(`command.${commandId}.usage`);

/** A refusal followed by the command's usage, said once: a refusal that already quotes it gets no second line. */
export function refusalWithUsage(t: Translator, commandId: string, e: DomainError): string {
  const usage = commandUsage(t, commandId);
  const said = errorText(t, { ...e, params: { ...e.params, usage } });
  return said.includes(usage) ? said : `${said}\n${t.t('network.usage-hint', { usage })}`;
}

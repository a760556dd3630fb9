import type { DomainError } from '../domain/result';
import type { Translator } from '../i18n/catalogue';

/** A domain refusal in the reader's language: its code names the message, its params fill it. */
export const errorText = (t: Translator, e: DomainError): string => t.t(`error.${e.code}`, e.params as Record<string, string | number>);

import type { Role } from '../../domain/role';
import type { Translator } from '../../i18n/catalogue';

const order: readonly Role[] = ['coordinator', 'chair', 'board-member', 'member', 'respondent', 'observer'];

/** "koordinator, styremedlem": a board member is also a member, so say only the more specific. */
export function describeRoles(roles: ReadonlySet<Role>, t: Translator): string {
  const shown = order.filter((r) => roles.has(r) && !(r === 'member' && roles.has('board-member')));
  if (shown.length === 0) return t.t('role.none');
  return new Intl.ListFormat(t.locale === 'nb' ? 'nb-NO' : 'en-GB', { type: 'conjunction' }).format(
    shown.map((r) => t.t(`role.${r}`)),
  );
}

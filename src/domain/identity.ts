/**
 * How a Teams user is recognised. Guests from other tenants arrive with UPNs
 * like `kari.nordmann_drammen.kommune.no#EXT#@host.onmicrosoft.com`; the part
 * before `#EXT#` is their home address with the last `_` standing for `@`.
 */
export function homeAddressOf(upnOrEmail: string): string {
  const value = upnOrEmail.trim().toLowerCase();
  const ext = value.indexOf('#ext#');
  if (ext < 0) return value;
  const local = value.slice(0, ext);
  const at = local.lastIndexOf('_');
  return at < 0 ? local : `${local.slice(0, at)}@${local.slice(at + 1)}`;
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && homeAddressOf(a) === homeAddressOf(b);
}

export function isGuestUpn(upn: string): boolean {
  return upn.toLowerCase().includes('#ext#');
}

/** `host.onmicrosoft.com` for `a_b.no#EXT#@host.onmicrosoft.com`; undefined for other addresses. */
export function guestHostOf(upn: string): string | undefined {
  const value = upn.trim().toLowerCase();
  const ext = value.indexOf('#ext#@');
  return ext < 0 ? undefined : value.slice(ext + '#ext#@'.length);
}

/**
 * Whether a guest UPN was written by the host tenant. Any tenant can name its own guest
 * `siri.lie_drammen.kommune.no#EXT#@evil.onmicrosoft.com`; only the part after `#EXT#@`
 * tells who invited the person, so the home address means something only when that part is
 * one of the host tenant's own domains. Addresses that are not guest UPNs are not judged here.
 */
export function isInvitedBy(upn: string, tenantDomains: readonly string[]): boolean {
  const host = guestHostOf(upn);
  if (host === undefined) return !isGuestUpn(upn);
  return tenantDomains.some((d) => d.trim().toLowerCase() === host);
}

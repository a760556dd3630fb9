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

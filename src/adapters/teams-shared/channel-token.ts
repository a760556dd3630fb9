import { readBearerJwt, signedWith, withinLifetime } from '../signing-keys/jwt';
import { shapeProblem } from './token-shape';

/**
 * The Bot Connector's token as the Bot Framework documents it ("Authentication with the Bot
 * Connector API": bots/rest-api/bot-framework-rest-connector-authentication): issued by
 * https://api.botframework.com, for our app id, signed by a key from the channel's OpenID
 * metadata that endorses the activity's channel, naming the activity's service URL, with five
 * minutes of clock skew allowed.
 */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const CHANNEL_OPENID_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const LEEWAY_SECONDS = 5 * 60;

/** A signing key by its `kid`, with the channels it may sign for (the metadata's `endorsements`). */
export interface ChannelKeys {
  getKey(keyId: string): Promise<{ readonly key: string; readonly endorsements?: readonly string[] } | null>;
}

export type ChannelTokenCheck =
  | { readonly ok: true; readonly claims: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problem: string };

const refuse = (problem: string): ChannelTokenCheck => ({ ok: false, problem });

/**
 * Checks the `Authorization` header of a request from the Bot Connector, for an SDK that does
 * not check it through Samråd's key cache (the Agents SDK). Everything a token says is checked
 * before its key is looked up, so a forged token never makes the server fetch Microsoft's keys.
 * A key lookup that fails throws (SigningKeysUnavailable): the caller answers 503, not 401.
 */
export async function checkChannelToken(
  authorization: string | undefined,
  activity: { readonly serviceUrl?: unknown; readonly channelId?: unknown },
  trust: { readonly appId: string; readonly keys: ChannelKeys },
  now: Date,
): Promise<ChannelTokenCheck> {
  if (!authorization) return refuse('no token');
  const jwt = readBearerJwt(authorization);
  if (!jwt) return refuse('not a bearer JWT');
  const shape = shapeProblem(jwt);
  if (shape) return refuse(shape);
  const { claims } = jwt;
  if (claims.iss !== CHANNEL_ISSUER) return refuse('issuer');
  if (claims.aud !== trust.appId) return refuse('audience');
  if (!withinLifetime(claims, now, LEEWAY_SECONDS)) return refuse('lifetime');
  // The token was issued for the service URL the activity asks us to answer at.
  if (typeof claims.serviceurl !== 'string' || claims.serviceurl !== activity.serviceUrl) return refuse('service url');
  const key = await trust.keys.getKey(String(jwt.header.kid));
  if (!key) return refuse('unknown key');
  const channel = typeof activity.channelId === 'string' ? activity.channelId.trim() : '';
  if (key.endorsements && channel !== '' && !key.endorsements.includes(channel)) return refuse('channel not endorsed');
  if (!signedWith(jwt, key.key)) return refuse('signature');
  return { ok: true, claims };
}

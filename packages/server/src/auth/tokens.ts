import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import * as v from 'valibot';
import { IdSchema, MAX_NAME_LENGTH, RoleSchema, type Role } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';
import { readOrCreateSecretFile } from '../security/secret-file.js';

/** Audience every live-shop token is issued for. */
export const TOKEN_AUDIENCE = 'live-shop';
/** The only signing algorithm accepted: never let a token choose its own (`none`, RS/HS confusion). */
export const TOKEN_ALGORITHMS = ['HS256'] as const;
/** Shortest secret accepted, in characters. */
export const MIN_SECRET_LENGTH = 16;

/** What a verified token grants. */
export interface TokenClaims {
  /** `viewer`, `host` or `moderator`. */
  role: Role;
  room: string;
  name?: string;
  /** Who the token was issued to. */
  sub: string;
}

const ClaimsSchema = v.object({
  role: RoleSchema,
  room: IdSchema,
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH))),
  sub: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

function keyOf(secret: string): Uint8Array {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new LiveShopServerError('invalid', `the token secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return new TextEncoder().encode(secret);
}

/** Signs a token (HS256, audience `live-shop`). `expiresIn` is a jose duration such as `'12h'`. */
export async function signToken(
  secret: string,
  claims: { role: Role; room: string; name?: string; sub?: string },
  options: { expiresIn?: string } = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub ?? `${claims.role}-${randomBytes(6).toString('base64url')}`)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(keyOf(secret));
}

/** Verifies a token and returns its claims; throws `forbidden` when it is forged, expired or malformed. */
export async function verifyToken(secret: string, token: string): Promise<TokenClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [...TOKEN_ALGORITHMS],
      audience: TOKEN_AUDIENCE,
    }));
  } catch (error) {
    const reason = error instanceof joseErrors.JWTExpired ? 'the token has expired' : 'the token is not valid';
    throw new LiveShopServerError('forbidden', reason, { cause: error });
  }
  const claims = v.safeParse(ClaimsSchema, payload);
  if (!claims.success) throw new LiveShopServerError('forbidden', 'the token does not carry valid live-shop claims');
  return claims.output;
}

/**
 * The secret of a data folder: read from `<dataDir>/secret`, or generated and written there (mode 0600)
 * on first start, so tokens stay valid across restarts.
 */
export async function loadOrCreateSecret(dataDir: string): Promise<string> {
  return readOrCreateSecretFile(join(dataDir, 'secret'), () => randomBytes(32).toString('base64url'));
}

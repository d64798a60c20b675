import { randomBytes } from 'node:crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An Okta-looking id: a prefix and random base62 characters (sessions "102…", users "00u…"). */
export function oktaId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (let i = id.length; i < length; i++) id += ID_ALPHABET[(bytes[i] as number) % ID_ALPHABET.length];
  return id;
}

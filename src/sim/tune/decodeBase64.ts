/**
 * Base64 (RFC 4648, standard or URL-safe alphabet, padding optional) → bytes. A small pure decoder, so
 * the core needs neither Node's Buffer nor the browser's atob. Returns an error string for a character
 * outside the alphabet or a length no encoder produces.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
VALUE['-'.charCodeAt(0)] = 62;
VALUE['_'.charCodeAt(0)] = 63;

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

export function decodeBase64(text: string): Base64Result {
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) return { ok: false, error: `is not valid base64 (${text.length} characters: truncated?)` };
  const bytes = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return { ok: false, error: `is not valid base64 (character ${JSON.stringify(s[i])} at position ${i + 1})` };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}

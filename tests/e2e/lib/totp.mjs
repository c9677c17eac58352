// RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) with Node's crypto, and RFC 4648 base32.
import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(input) {
  const clean = input.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`invalid base32 character ${JSON.stringify(char)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226) for one counter value. */
export function hotp(key, counter, digits = 6) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpCounter(nowMs = Date.now(), stepSeconds = 30) {
  return Math.floor(nowMs / 1000 / stepSeconds);
}

export function totp(secretBase32, nowMs = Date.now()) {
  return hotp(base32Decode(secretBase32), totpCounter(nowMs));
}

/**
 * A code for a time step not used before (servers may refuse a replayed code):
 * waits for the next 30-second step when `lastCounter` is the current one.
 */
export async function freshTotp(secretBase32, lastCounter) {
  let counter = totpCounter();
  while (lastCounter !== undefined && counter <= lastCounter) {
    const msToNext = (counter + 1) * 30_000 - Date.now() + 250;
    await new Promise((resolve) => setTimeout(resolve, Math.max(msToNext, 50)));
    counter = totpCounter();
  }
  return { code: hotp(base32Decode(secretBase32), counter), counter };
}

// RFC 6238 Appendix B check values (SHA-1, 8 digits), used by selfTest().
export function selfTest() {
  const key = Buffer.from('12345678901234567890', 'ascii');
  const cases = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ];
  for (const [seconds, expected] of cases) {
    const got = hotp(key, Math.floor(seconds / 30), 8);
    if (got !== expected) throw new Error(`TOTP self-test failed at T=${seconds}: ${got} != ${expected}`);
  }
  if (base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString('ascii') !== '12345678901234567890') {
    throw new Error('base32 self-test failed');
  }
}

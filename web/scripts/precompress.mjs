// Writes NAME.br and NAME.gz beside each compressible file of dist/, at the strongest settings:
// the server sends them as they are to browsers that accept them (src/http/static_files.hpp)
// and never compresses on the fly. A variant that would not be smaller is not written.
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(html|js|mjs|css|json|webmanifest|svg|txt|ico|map)$/;
const MIN_BYTES = 1024;

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
      continue;
    }
    if (/\.(br|gz)$/.test(name)) {
      unlinkSync(path); // from an earlier build
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const bytes = readFileSync(path);
    if (bytes.length < MIN_BYTES) continue;
    const variants = {
      br: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
      gz: gzipSync(bytes, { level: 9 }),
    };
    for (const [suffix, compressed] of Object.entries(variants)) {
      if (compressed.length < bytes.length) writeFileSync(`${path}.${suffix}`, compressed);
    }
    files += 1;
    before += bytes.length;
    after += Math.min(bytes.length, variants.br.length);
  }
}
walk(DIST);
console.log(`precompress: ${files} files, ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with brotli`);

// Bundles the agent desk into the service's static resources (run by Maven: npm run build).
// Output: ../target/classes/static/desk/ unless DESK_OUT names another folder.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, process.env.DESK_OUT ?? '../target/classes/static/desk');

await mkdir(out, { recursive: true });
await build({
  entryPoints: { desk: resolve(here, 'src/desk.js'), style: resolve(here, 'src/desk.css') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  loader: { '.svg': 'dataurl', '.woff': 'file', '.woff2': 'file' },
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile(resolve(here, 'src/index.html'), resolve(out, 'index.html'));
console.log(`agent desk bundled into ${out}`);

// Bundles the Mini App into ../static (served by the bot at /app/), with a gzip copy of each
// file that aiohttp serves to browsers that accept it. `--watch` rebuilds on every change.
import { build, context } from "esbuild";
import { gzipSync } from "node:zlib";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = new URL("../static/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const options = {
  entryPoints: ["src/main.jsx"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome100", "safari15"],
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: `${out}app.js`,
  legalComments: "none",
  logLevel: "warning",
};

function finish() {
  copyFileSync("src/index.html", `${out}index.html`);
  copyFileSync("src/app.css", `${out}app.css`);
  for (const name of ["index.html", "app.js", "app.css"]) {
    writeFileSync(`${out}${name}.gz`, gzipSync(readFileSync(`${out}${name}`), { level: 9 }));
  }
}

if (process.argv.includes("--watch")) {
  const ctx = await context({ ...options, plugins: [{ name: "finish", setup(b) { b.onEnd(finish); } }] });
  await ctx.watch();
  console.log("watching src/ …");
} else {
  await build(options);
  finish();
}

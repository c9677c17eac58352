import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The production bundle is served by the C++ server under a strict CSP
// (script-src 'self'; style-src 'self'): nothing may be inlined into index.html.
export default defineConfig({
  plugins: [react()],
  publicDir: "public",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: "es2022",
  },
  server: {
    // The /info pages import ../content/info/*.json (shared with the server, which prints the leaflets):
    // the dev server may serve that folder too, besides web/ itself.
    fs: { allow: [fileURLToPath(new URL(".", import.meta.url)), fileURLToPath(new URL("../content", import.meta.url))] },
    // `npm run dev` talks to a locally running `parcours serve` on port 8080.
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/healthz": "http://127.0.0.1:8080",
    },
  },
});

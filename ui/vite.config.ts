import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";

// The dictionaries live in ../assets/i18n, shared with the backend, so the
// dev server must be allowed to read from the repository root.
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The CSP allows fonts and scripts only from 'self': never inline assets
    // as data: URLs, and never emit an inline preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});

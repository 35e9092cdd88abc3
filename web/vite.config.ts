// web/vite.config.ts — build config for the Stance single-page app (served under /app/ by the sidecar). Layer: web.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/app/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", sourcemap: true },
});

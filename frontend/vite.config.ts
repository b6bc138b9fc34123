import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

// `npm run dev` serves the UI on :5173 and forwards the API to `portal serve` on :8000.
const api = process.env.PARLEY_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [
    react(),
    // Every text file of the build also as .br and .gz (brotli 11, gzip 9), made once here:
    // portal/web/spa.py answers with the smallest one the browser accepts.
    compression({
      algorithms: ["brotliCompress", "gzip"],
      include: /\.(html|css|js|json|svg|txt)$/,
      exclude: /(^|\/)\.vite\//,
      logLevel: "silent",
    }),
  ],
  build: {
    outDir: "dist",
    // No source maps in the build: the server would hand out the source (Issue 13 F9-F11).
    sourcemap: false,
    // dist/.vite/manifest.json: which chunk holds which module. Never served (a dotfolder); the
    // weight test (tests/e2e/test_weight.py) finds the staff chunks with it.
    manifest: true,
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/oauth": api,
      "/files": api,
      "/reports": api,
      "/.well-known": api,
    },
  },
});

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` serves the UI on :5173 and forwards the API to `portal serve` on :8000.
const api = process.env.PARLEY_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  // No source maps in the build: the server would hand out the source (Issue 13 F9-F11).
  build: { outDir: "dist", sourcemap: false },
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

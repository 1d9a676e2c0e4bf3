import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The API serves the built bundle; in development Vite proxies API calls to it.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/healthz": "http://127.0.0.1:8080",
      "/docs": "http://127.0.0.1:8080",
    },
  },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});

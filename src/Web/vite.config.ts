/// <reference types="vitest/config" />
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// Built into the host's static files: the host serves index.html for the app's routes and /app/assets/* as files.
export default defineConfig({
  base: "/app/",
  plugins: [vue()],
  build: {
    outDir: decodeURIComponent(new URL("../Host/wwwroot/app", import.meta.url).pathname),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { "/api": "http://127.0.0.1:5080", "/app/config.json": "http://127.0.0.1:5080" } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});

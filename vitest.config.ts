import { defineConfig } from "vitest/config";

// Three tiers: pure rules (unit), database and HTTP tests on both engines (db), browser journeys (e2e).
// The database tier runs on PGlite always, and again on a PostgreSQL server when IGC_TEST_DATABASE_URL is set.
const serverUrl = process.env.IGC_TEST_DATABASE_URL;
const dbTests = ["src/server/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "src/shared/**/*.test.ts",
            "src/web/**/*.test.ts",
            "src/cli/**/*.test.ts",
            "src/extract/**/*.test.ts",
            "src/documents/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "db-pglite",
          include: dbTests,
          env: { IGC_TEST_ENGINE: "pglite" },
          globalSetup: ["src/server/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(serverUrl
        ? [
            {
              test: {
                name: "db-postgres",
                include: dbTests,
                env: { IGC_TEST_ENGINE: "postgres", IGC_TEST_DATABASE_URL: serverUrl },
                globalSetup: ["src/server/testing/global-setup.ts"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      // Real server processes under load, killed and restarted: only in `npm run soak`, not in a plain `vitest run`.
      ...(process.env.IGC_SOAK === "1"
        ? [
            {
              test: {
                name: "soak",
                include: ["soak/**/*.soak.test.ts"],
                testTimeout: 90_000,
                hookTimeout: 90_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests build the example crate with cargo and run it under valgrind.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two cores: cargo and valgrind already use both; parallel files would only thrash.
    fileParallelism: false,
  },
});

import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// CI runs on two loaded cores, where a lazily imported chunk (the error catalog of a language) can take more than
// the default second to arrive; findBy/waitFor wait longer rather than fail on a slow machine.
configure({ asyncUtilTimeout: 5_000 });

// Every web test starts from a blank page and the real `fetch`: what a test rendered is unmounted, and the fake API
// (`fakeApi` stubs `fetch`) is taken down, here once rather than in each test file.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

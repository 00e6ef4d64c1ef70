import { configure } from '@testing-library/react';

// CI runs on two loaded cores, where a lazily imported chunk (the error catalog of a language) can take more than
// the default second to arrive; findBy/waitFor wait longer rather than fail on a slow machine.
configure({ asyncUtilTimeout: 5_000 });

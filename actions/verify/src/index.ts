import { runAction } from '@build-artifact/actions-common';
import { readInputs } from './inputs.js';
import { run } from './main.js';

await runAction(readInputs, async (inputs) => {
  await run(inputs);
});

import * as core from '@actions/core';
import { listInput, requiredInput, runAction, stringInput } from '@build-artifact/actions-common';
import { run } from './main.js';

await runAction(
  () => {
    const token = stringInput('token');
    // Never echo the registry token, even in debug logs.
    if (token) core.setSecret(token);
    return {
      repository: requiredInput('repository'),
      subjectsDirectory: stringInput('subjects-directory'),
      paths: listInput('paths'),
      attestationsDirectory: stringInput('attestations-directory'),
      tag: stringInput('tag'),
      token,
      username: stringInput('username'),
    };
  },
  async (inputs) => {
    await run(inputs);
  },
);

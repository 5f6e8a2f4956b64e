import { twice } from '../lib.mjs';
import { readFileSync } from 'node:fs';
if (twice(21) !== 42) throw new Error('twice is broken');
console.log('cwd=' + process.cwd());

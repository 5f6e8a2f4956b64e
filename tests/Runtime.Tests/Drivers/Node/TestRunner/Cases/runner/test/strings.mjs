import { describe, it } from 'node:test';
describe('strings', () => { it('upper', () => { if ('a'.toUpperCase() !== 'A') throw new Error('x'); }); });

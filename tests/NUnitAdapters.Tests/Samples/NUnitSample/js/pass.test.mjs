import assert from 'node:assert';
assert.strictEqual([3, 1, 2].sort().join(','), '1,2,3');
console.log('js pass ran');

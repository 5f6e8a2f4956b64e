const { expect } = require('chai');

describe('math', () => {
  it('adds', () => { expect(1 + 1).to.equal(2); });
  it('compares objects', () => { expect({ a: 1, b: [1, 2] }).to.deep.equal({ a: 1, b: [1, 3] }); });
  it('waits', async () => { await new Promise((r) => setTimeout(r, 5)); });
});

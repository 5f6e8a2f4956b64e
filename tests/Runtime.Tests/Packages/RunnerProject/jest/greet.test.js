jest.mock('./clock', () => ({ partOfDay: jest.fn(() => 'Hello') }));
const greet = require('./greet');
const clock = require('./clock');

describe('greet', () => {
  test('uses the mocked clock', () => {
    expect(greet('Ada')).toBe('Hello, Ada');
    expect(clock.partOfDay).toHaveBeenCalledTimes(1);
  });
  test('throws without a name', () => {
    expect(() => greet('')).toThrow(TypeError);
    expect(() => greet()).toThrow('name is required');
  });
  test('matches its snapshot', () => {
    expect({ greeting: greet('Grace'), list: [1, 'two', { three: 3 }] }).toMatchSnapshot();
  });
  test('compares objects', () => {
    expect({ a: 1, b: [1, 2], c: 'same' }).toEqual({ a: 1, b: [1, 3], c: 'same' });
  });
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('fake timers run a callback', () => {
  const cb = jest.fn();
  setTimeout(cb, 1000);
  expect(cb).not.toHaveBeenCalled();
  jest.advanceTimersByTime(1000);
  expect(cb).toHaveBeenCalledTimes(1);
});

test('async with real timers', async () => {
  jest.useRealTimers();
  const value = await new Promise((resolve) => setTimeout(() => resolve(42), 5));
  expect(value).toBe(42);
  expect(Buffer.from('hi').toString('base64')).toBe('aGk=');
  expect(new Map([[1, 2]])).toEqual(new Map([[1, 2]]));
  expect([1, 2, 3]).toContain(2);
});

test.todo('one more');

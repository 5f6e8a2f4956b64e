const clock = require('./clock');
module.exports = function greet(name) {
  if (!name) throw new TypeError('name is required');
  return `${clock.partOfDay()}, ${name}`;
};

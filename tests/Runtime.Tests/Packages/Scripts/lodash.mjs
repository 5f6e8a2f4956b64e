import _ from 'lodash';
console.log(_.chunk([1, 2, 3, 4, 5], 2), _.camelCase('Foo Bar-baz'), _.uniqBy([{ a: 1 }, { a: 1 }, { a: 2 }], 'a'));
console.log(_.template('hi <%= name %>')({ name: 'vm' }), _.merge({ a: { b: 1 } }, { a: { c: 2 } }), _.sortBy(['b', 'a', 'c']));

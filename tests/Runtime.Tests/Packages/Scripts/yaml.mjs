import YAML from 'yaml';
const doc = YAML.parse('a: 1\nb:\n  - x\n  - y: [1, 2]\nc: !!str 3\nd: |\n  multi\n  line\n');
console.log(JSON.stringify(doc));
console.log(YAML.stringify({ name: 'vm', list: [1, 'two', { three: 3 }], nested: { deep: true } }));

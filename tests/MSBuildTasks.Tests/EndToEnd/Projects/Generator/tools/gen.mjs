// Reads the schema from the read-only project mount and writes C# to /out (copied back to the project directory).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
const ns = process.argv[2];
const names = readFileSync('schema/names.txt', 'utf8').split('\n').filter(Boolean);
mkdirSync('/out/Generated', { recursive: true });
writeFileSync('/out/Generated/Names.g.cs',
  `namespace ${ns};\npublic static class Names\n{\n    public static readonly string[] All = [${names.map(n => JSON.stringify(n)).join(', ')}];\n}\n`);
console.log(`GEN-RAN: ${names.length} names`);

// Runs inside the VM: reads colors.txt from the read-only project mount, writes C# to /out (copied back).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const ns = process.argv[2];
const colors = readFileSync('colors.txt', 'utf8').split('\n').filter(Boolean);
const sorted = execFileSync('sort', [], { input: colors.join('\n') + '\n', encoding: 'utf8' }).split('\n').filter(Boolean);
mkdirSync('/out/Generated', { recursive: true });
writeFileSync('/out/Generated/Colors.g.cs',
  `namespace ${ns};\npublic static class Colors\n{\n    public static readonly string[] Sorted = [${sorted.map((c) => JSON.stringify(c)).join(', ')}];\n}\n`);
console.log(`generated ${sorted.length} colors`);

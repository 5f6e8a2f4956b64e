import ts from 'typescript';
const out = ts.transpileModule('enum E { A = 1, B } export const f = (x: number): E => x as E; interface I { a?: string }', { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 } });
console.log(out.outputText);
const host = ts.createCompilerHost({});
const file = ts.createSourceFile('a.ts', 'const n: number = "s"; export {}', ts.ScriptTarget.ES2020);
const program = ts.createProgram(['a.ts'], { noEmit: true, noLib: true, types: [] }, { ...host, getSourceFile: (n) => (n === 'a.ts' ? file : undefined), fileExists: (n) => n === 'a.ts', readFile: () => undefined });
console.log(ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`).join('\n'));

import * as acorn from 'acorn';
const ast = acorn.parse('const f = async function* (a, ...b) { for await (const x of a) yield* b; }', { ecmaVersion: 2022, sourceType: 'module', allowAwaitOutsideFunction: true });
console.log(JSON.stringify(ast, (k, v) => (k === 'start' || k === 'end' ? undefined : v)).length, ast.body[0].declarations[0].init.type);
try { acorn.parse('let x = ;', { ecmaVersion: 2022 }); } catch (e) { console.log(e.name, e.message, e.pos); }

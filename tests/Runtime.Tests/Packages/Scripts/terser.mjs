import { minify } from 'terser';
const out = await minify('function add(first, second) { const total = first + second; return total; }\nconsole.log(add(1, 2));', { mangle: { toplevel: true }, compress: { passes: 2 } });
console.log(out.code);

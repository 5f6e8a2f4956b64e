import * as prettier from 'prettier';
const src = 'const  x = {a:1,b:[1,2,3],c:"str"}\nfunction f( a,b ){return a+b}\n';
console.log(await prettier.format(src, { parser: 'babel' }));
console.log(await prettier.check(src, { parser: 'babel' }), await prettier.format('a{color:red;background:blue}', { parser: 'css' }));
console.log(await prettier.format('{"b":1,"a":[1,2]}', { parser: 'json' }));

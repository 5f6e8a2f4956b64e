import { v5, v3, validate, version, NIL, parse, stringify } from 'uuid';
const id = v5('secure-exec', v5.URL);
console.log(id, v3('hello', v3.DNS), validate(id), version(id), NIL, stringify(parse(id)) === id);

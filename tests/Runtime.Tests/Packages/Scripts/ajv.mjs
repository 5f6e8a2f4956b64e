import Ajv from 'ajv';
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({ type: 'object', properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string', pattern: '^[a-z]+$' } }, required: ['id', 'name'], additionalProperties: false });
console.log(validate({ id: 1, name: 'ok' }), validate({ id: 0, name: 'No', extra: 1 }));
console.log(JSON.stringify(validate.errors.map((e) => [e.instancePath, e.keyword, e.message])));

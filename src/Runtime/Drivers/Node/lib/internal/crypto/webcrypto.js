// node:internal/crypto/webcrypto — crypto.subtle and CryptoKey, built on the node:crypto pieces (hashes, HMAC,
// AES, RSA/EC/Ed25519/X25519 keys, PBKDF2/HKDF, ECDH, X25519). Ed448/X448 and AES-KW reject with NotSupportedError.
'use strict';
const { Buffer } = require('buffer');
const random = require('internal/crypto/random');
const hashes = require('internal/crypto/hash');
const kdf = require('internal/crypto/kdf');
const cipher = require('internal/crypto/cipher');
const keys = require('internal/crypto/keys');
const sig = require('internal/crypto/sig');

const kKeyObject = Symbol.for('secureexec.cryptokey.keyobject');
const kProps = Symbol('props');

function dom(name, message) { return new globalThis.DOMException(message, name); }
const opFailed = () => dom('OperationError', 'The operation failed for an operation-specific reason');

const names = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW',
  'HMAC', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HKDF', 'PBKDF2', 'Ed25519', 'Ed448', 'X25519', 'X448'];
const unavailable = new Set(['AES-KW', 'Ed448', 'X448']);
const okpNames = ['Ed25519', 'X25519'];
const spkiPrefix = { Ed25519: '302a300506032b6570032100', X25519: '302a300506032b656e032100' };

function normalize(algorithm) {
  const input = typeof algorithm === 'string' ? { name: algorithm } : algorithm;
  if (input === null || typeof input !== 'object' || typeof input.name !== 'string') throw new TypeError('Algorithm: name: Missing or not a string');
  const name = names.find((n) => n.toLowerCase() === input.name.toLowerCase());
  if (!name) throw dom('NotSupportedError', 'Unrecognized algorithm name');
  if (unavailable.has(name)) throw dom('NotSupportedError', `${name} is not supported in this sandbox`);
  const out = { ...input, name };
  if (input.hash !== undefined) out.hash = normalize(input.hash);
  return out;
}
const nodeHash = (alg) => ({ 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' })[alg.name];
const hashBits = (alg) => ({ 'SHA-1': 160, 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 })[alg.name];
const blockBits = (alg) => (alg.name === 'SHA-384' || alg.name === 'SHA-512' ? 1024 : 512);

function bytes(data, what = 'data') {
  if (ArrayBuffer.isView(data)) return Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  throw new TypeError(`Failed to execute on 'SubtleCrypto': ${what} is not of type BufferSource`);
}
const toArrayBuffer = (buf) => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);

class CryptoKey {
  constructor() { throw new TypeError('Illegal constructor'); }
  get type() { return this[kProps].type; }
  get extractable() { return this[kProps].extractable; }
  get algorithm() { return this[kProps].algorithm; }
  get usages() { return this[kProps].usages; }
  get [Symbol.toStringTag]() { return 'CryptoKey'; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const { type, extractable, algorithm, usages } = this[kProps];
    return `CryptoKey ${(inspect || require('util').inspect)({ type, extractable, algorithm, usages }, options)}`;
  }
}

function makeKey(keyObject, algorithm, extractable, usages) {
  const key = Object.create(CryptoKey.prototype);
  Object.defineProperty(key, kKeyObject, { value: keyObject });
  Object.defineProperty(key, kProps, { value: { type: keyObject.type, extractable, algorithm, usages: [...usages] } });
  return key;
}

function checkUsage(key, usage) {
  if (!(key instanceof CryptoKey)) throw new TypeError('The provided key is not a CryptoKey');
  if (!key.usages.includes(usage)) throw dom('InvalidAccessError', `Unable to use this key to ${usage}`);
}
function checkAlgorithm(key, alg) {
  if (key.algorithm.name !== alg.name) throw dom('InvalidAccessError', 'The requested operation is not valid for the provided key');
}

const publicUsages = { 'RSASSA-PKCS1-v1_5': ['verify'], 'RSA-PSS': ['verify'], 'RSA-OAEP': ['encrypt', 'wrapKey'], ECDSA: ['verify'], ECDH: [], Ed25519: ['verify'], X25519: [] };
const privateUsages = { 'RSASSA-PKCS1-v1_5': ['sign'], 'RSA-PSS': ['sign'], 'RSA-OAEP': ['decrypt', 'unwrapKey'], ECDSA: ['sign'], ECDH: ['deriveKey', 'deriveBits'], Ed25519: ['sign'], X25519: ['deriveKey', 'deriveBits'] };
const curveNames = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function asymmetricAlgorithm(alg, keyObject) {
  const d = keyObject.asymmetricKeyDetails;
  if (okpNames.includes(alg.name)) {
    if (keyObject.asymmetricKeyType !== alg.name.toLowerCase()) throw dom('DataError', 'Invalid key type');
    return { name: alg.name };
  }
  if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
    if (keyObject.asymmetricKeyType !== 'ec') throw dom('DataError', 'Invalid key type');
    const curve = curveNames[d.namedCurve];
    if (alg.namedCurve !== undefined && alg.namedCurve !== curve) throw dom('DataError', 'Named curve mismatch');
    return { name: alg.name, namedCurve: curve };
  }
  if (keyObject.asymmetricKeyType !== 'rsa') throw dom('DataError', 'Invalid key type');
  let e = d.publicExponent;
  const exponent = [];
  while (e > 0n) { exponent.unshift(Number(e & 0xffn)); e >>= 8n; }
  return { name: alg.name, modulusLength: d.modulusLength, publicExponent: new Uint8Array(exponent), hash: { name: alg.hash.name } };
}

function filterUsages(usages, allowed) { return usages.filter((u) => allowed.includes(u)); }

async function generateKey(algorithm, extractable, usages) {
  const alg = normalize(algorithm);
  switch (alg.name) {
    case 'HMAC': {
      const length = alg.length === undefined ? blockBits(alg.hash) : alg.length;
      return makeKey(keys.createSecretKey(random.randomBytes(Math.ceil(length / 8))), { name: 'HMAC', length, hash: { name: alg.hash.name } }, extractable, usages);
    }
    case 'AES-CTR': case 'AES-CBC': case 'AES-GCM': {
      if (![128, 192, 256].includes(alg.length)) throw dom('OperationError', 'AES key length must be 128, 192, or 256 bits');
      return makeKey(keys.createSecretKey(random.randomBytes(alg.length / 8)), { name: alg.name, length: alg.length }, extractable, usages);
    }
    case 'RSASSA-PKCS1-v1_5': case 'RSA-PSS': case 'RSA-OAEP': {
      const e = bytes(alg.publicExponent).reduce((acc, b) => acc * 256 + b, 0);
      const pair = keys.generateKeyPairSync('rsa', { modulusLength: alg.modulusLength, publicExponent: e });
      const a = asymmetricAlgorithm(alg, pair.publicKey);
      return {
        publicKey: makeKey(pair.publicKey, a, true, filterUsages(usages, publicUsages[alg.name])),
        privateKey: makeKey(pair.privateKey, a, extractable, filterUsages(usages, privateUsages[alg.name])),
      };
    }
    case 'ECDSA': case 'ECDH': {
      const pair = keys.generateKeyPairSync('ec', { namedCurve: alg.namedCurve });
      const a = { name: alg.name, namedCurve: alg.namedCurve };
      return {
        publicKey: makeKey(pair.publicKey, a, true, filterUsages(usages, publicUsages[alg.name])),
        privateKey: makeKey(pair.privateKey, a, extractable, filterUsages(usages, privateUsages[alg.name])),
      };
    }
    case 'Ed25519': case 'X25519': {
      const pair = keys.generateKeyPairSync(alg.name.toLowerCase());
      const a = { name: alg.name };
      return {
        publicKey: makeKey(pair.publicKey, a, true, filterUsages(usages, publicUsages[alg.name])),
        privateKey: makeKey(pair.privateKey, a, extractable, filterUsages(usages, privateUsages[alg.name])),
      };
    }
    default: throw dom('NotSupportedError', 'Unrecognized algorithm name');
  }
}

function b64url(buf) { return Buffer.from(buf).toString('base64url'); }

async function importKey(format, keyData, algorithm, extractable, usages) {
  const alg = normalize(algorithm);
  const secret = ['HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'PBKDF2', 'HKDF'].includes(alg.name);
  if (secret) {
    let raw;
    if (format === 'raw') raw = bytes(keyData, 'keyData');
    else if (format === 'jwk' && keyData && keyData.kty === 'oct') raw = Buffer.from(keyData.k, 'base64url');
    else throw dom('NotSupportedError', `Unable to import ${alg.name} key with format ${format}`);
    let a;
    if (alg.name === 'HMAC') a = { name: 'HMAC', hash: { name: alg.hash.name }, length: alg.length === undefined ? raw.length * 8 : alg.length };
    else if (alg.name.startsWith('AES')) {
      if (![16, 24, 32].includes(raw.length)) throw dom('DataError', 'Invalid key length');
      a = { name: alg.name, length: raw.length * 8 };
    } else {
      if (extractable) throw dom('SyntaxError', `${alg.name} keys are not extractable`);
      a = { name: alg.name };
    }
    return makeKey(keys.createSecretKey(raw), a, extractable, usages);
  }
  let keyObject;
  try {
    if (format === 'spki') keyObject = keys.createPublicKey({ key: bytes(keyData, 'keyData'), format: 'der', type: 'spki' });
    else if (format === 'pkcs8') keyObject = keys.createPrivateKey({ key: bytes(keyData, 'keyData'), format: 'der', type: 'pkcs8' });
    else if (format === 'jwk') {
      keyObject = keyData.d !== undefined ? keys.createPrivateKey({ key: keyData, format: 'jwk' }) : keys.createPublicKey({ key: keyData, format: 'jwk' });
    } else if (format === 'raw' && (alg.name === 'ECDSA' || alg.name === 'ECDH')) {
      const point = bytes(keyData, 'keyData');
      const size = (point.length - 1) / 2;
      if (point[0] !== 4 || !Number.isInteger(size)) throw dom('DataError', 'Invalid keyData');
      keyObject = keys.createPublicKey({ key: { kty: 'EC', crv: alg.namedCurve, x: b64url(point.subarray(1, 1 + size)), y: b64url(point.subarray(1 + size)) }, format: 'jwk' });
    } else if (format === 'raw' && okpNames.includes(alg.name)) {
      const raw = bytes(keyData, 'keyData');
      if (raw.length !== 32) throw dom('DataError', `${alg.name} raw keys must be exactly 32-bytes`);
      keyObject = keys.createPublicKey({ key: Buffer.concat([Buffer.from(spkiPrefix[alg.name], 'hex'), raw]), format: 'der', type: 'spki' });
    } else throw dom('NotSupportedError', `Unable to import ${alg.name} key with format ${format}`);
  } catch (e) {
    if (e instanceof globalThis.DOMException) throw e;
    throw dom('DataError', 'Invalid keyData');
  }
  return makeKey(keyObject, asymmetricAlgorithm(alg, keyObject), extractable, usages);
}

function jwkAlg(key) {
  const a = key.algorithm;
  const bits = a.hash && hashBits(a.hash);
  switch (a.name) {
    case 'HMAC': return `HS${bits === 160 ? 1 : bits}`;
    case 'AES-GCM': return `A${a.length}GCM`;
    case 'AES-CBC': return `A${a.length}CBC`;
    case 'AES-CTR': return `A${a.length}CTR`;
    case 'RSASSA-PKCS1-v1_5': return `RS${bits === 160 ? 1 : bits}`;
    case 'RSA-PSS': return `PS${bits === 160 ? 1 : bits}`;
    case 'RSA-OAEP': return bits === 160 ? 'RSA-OAEP' : `RSA-OAEP-${bits}`;
    case 'Ed25519': return 'Ed25519';
    default: return undefined;
  }
}

async function exportKey(format, key) {
  if (!(key instanceof CryptoKey)) throw new TypeError('The provided key is not a CryptoKey');
  if (!key.extractable) throw dom('InvalidAccessException', 'key is not extractable');
  const ko = key[kKeyObject];
  switch (format) {
    case 'raw':
      if (ko.type === 'secret') return toArrayBuffer(ko.export());
      if (ko.type === 'public' && ko.asymmetricKeyType === 'ec') {
        const j = ko.export({ format: 'jwk' });
        return toArrayBuffer(Buffer.concat([Buffer.from([4]), Buffer.from(j.x, 'base64url'), Buffer.from(j.y, 'base64url')]));
      }
      if (ko.type === 'public' && okpNames.includes(key.algorithm.name)) return toArrayBuffer(Buffer.from(ko.export({ format: 'jwk' }).x, 'base64url'));
      throw dom('NotSupportedError', `Unable to export ${key.algorithm.name} ${ko.type} key using raw format`);
    case 'spki':
    case 'pkcs8':
      if (ko.type !== (format === 'spki' ? 'public' : 'private')) throw dom('InvalidAccessError', `Unable to export a ${format} ${ko.type} key`);
      return toArrayBuffer(ko.export({ format: 'der', type: format }));
    case 'jwk': {
      const jwk = { key_ops: [...key.usages], ext: key.extractable };
      const alg = jwkAlg(key);
      if (alg) jwk.alg = alg;
      return Object.assign(jwk, ko.export({ format: 'jwk' }));
    }
    default: throw dom('NotSupportedError', `Unable to export ${key.algorithm.name} key with format ${format}`);
  }
}

function signParams(alg, key) {
  const ko = key[kKeyObject];
  if (key.algorithm.name === 'RSA-PSS') return { key: ko, padding: 6, saltLength: alg.saltLength };
  if (key.algorithm.name === 'ECDSA') return { key: ko, dsaEncoding: 'ieee-p1363' };
  return ko;
}

async function sign(algorithm, key, data) {
  const alg = normalize(algorithm);
  checkUsage(key, 'sign');
  checkAlgorithm(key, alg);
  const d = bytes(data);
  if (alg.name === 'HMAC') return toArrayBuffer(new hashes.Hmac(nodeHash(key.algorithm.hash), key[kKeyObject]).update(d).digest());
  if (alg.name === 'Ed25519') return toArrayBuffer(sig.sign(null, d, key[kKeyObject]));
  const hash = alg.name === 'ECDSA' ? alg.hash : key.algorithm.hash;
  return toArrayBuffer(sig.sign(nodeHash(hash), d, signParams(alg, key)));
}

async function verify(algorithm, key, signature, data) {
  const alg = normalize(algorithm);
  checkUsage(key, 'verify');
  checkAlgorithm(key, alg);
  const d = bytes(data);
  const s = bytes(signature, 'signature');
  if (alg.name === 'HMAC') {
    const mac = new hashes.Hmac(nodeHash(key.algorithm.hash), key[kKeyObject]).update(d).digest();
    return mac.length === s.length && require('crypto').timingSafeEqual(mac, s);
  }
  if (alg.name === 'Ed25519') return sig.verify(null, d, key[kKeyObject], s);
  const hash = alg.name === 'ECDSA' ? alg.hash : key.algorithm.hash;
  return sig.verify(nodeHash(hash), d, signParams(alg, key), s);
}

function aes(encrypt, alg, key, data) {
  const k = key[kKeyObject];
  const bits = key.algorithm.length;
  try {
    if (alg.name === 'AES-GCM') {
      const tagLength = alg.tagLength === undefined ? 128 : alg.tagLength;
      if (![32, 64, 96, 104, 112, 120, 128].includes(tagLength)) throw dom('OperationError', `${tagLength} is not a valid AES-GCM tag length`);
      const iv = bytes(alg.iv, 'iv');
      const tagBytes = tagLength / 8;
      const c = (encrypt ? cipher.createCipheriv : cipher.createDecipheriv)(`aes-${bits}-gcm`, k, iv, { authTagLength: tagBytes });
      if (alg.additionalData !== undefined) c.setAAD(bytes(alg.additionalData, 'additionalData'));
      if (encrypt) return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
      if (data.length < tagBytes) throw opFailed();
      c.setAuthTag(data.subarray(data.length - tagBytes));
      return Buffer.concat([c.update(data.subarray(0, data.length - tagBytes)), c.final()]);
    }
    const iv = bytes(alg.name === 'AES-CTR' ? alg.counter : alg.iv, alg.name === 'AES-CTR' ? 'counter' : 'iv');
    if (iv.length !== 16) throw dom('OperationError', alg.name === 'AES-CTR' ? 'AES-CTR algorithm.counter must contain exactly 16 bytes' : 'algorithm.iv must contain exactly 16 bytes');
    const mode = alg.name === 'AES-CTR' ? 'ctr' : 'cbc';
    const c = (encrypt ? cipher.createCipheriv : cipher.createDecipheriv)(`aes-${bits}-${mode}`, k, iv);
    return Buffer.concat([c.update(data), c.final()]);
  } catch (e) {
    if (e instanceof globalThis.DOMException) throw e;
    throw opFailed();
  }
}

async function crypt(encrypt, algorithm, key, data) {
  const alg = normalize(algorithm);
  checkUsage(key, encrypt ? 'encrypt' : 'decrypt');
  checkAlgorithm(key, alg);
  const d = bytes(data);
  if (alg.name === 'RSA-OAEP') {
    if (alg.label !== undefined && bytes(alg.label, 'label').length > 0) throw dom('NotSupportedError', 'RSA-OAEP labels are not supported in this sandbox');
    const params = { key: key[kKeyObject], oaepHash: nodeHash(key.algorithm.hash), padding: 4 };
    try { return toArrayBuffer(encrypt ? sig.publicEncrypt(params, d) : sig.privateDecrypt(params, d)); } catch { throw opFailed(); }
  }
  return toArrayBuffer(aes(encrypt, alg, key, d));
}

async function deriveBits(algorithm, baseKey, length) {
  const alg = normalize(algorithm);
  checkUsage(baseKey, 'deriveBits');
  return derive(alg, baseKey, length);
}

function derive(alg, baseKey, length) {
  checkAlgorithm(baseKey, alg);
  if (alg.name === 'ECDH' || alg.name === 'X25519') {
    if (!(alg.public instanceof CryptoKey) || alg.public.algorithm.name !== alg.name) {
      throw dom('InvalidAccessError', alg.name === 'ECDH' ? 'algorithm.public must be an ECDH public key' : 'algorithm.public must be an X25519 key');
    }
    const secret = sig.diffieHellman({ privateKey: baseKey[kKeyObject], publicKey: alg.public[kKeyObject] });
    if (length === null || length === undefined) return toArrayBuffer(secret);
    if (length > secret.length * 8) throw dom('OperationError', 'derived bit length is too small');
    return toArrayBuffer(secret.subarray(0, Math.ceil(length / 8)));
  }
  if (typeof length !== 'number' || length % 8 !== 0) throw dom('OperationError', 'length must be a multiple of 8');
  const ikm = baseKey[kKeyObject].export();
  if (alg.name === 'PBKDF2') {
    if (!(alg.iterations > 0)) throw dom('OperationError', 'iterations cannot be zero');
    return toArrayBuffer(kdf.pbkdf2Sync(ikm, bytes(alg.salt, 'salt'), alg.iterations, length / 8, nodeHash(alg.hash)));
  }
  if (alg.name === 'HKDF') return kdf.hkdfSync(nodeHash(alg.hash), ikm, bytes(alg.salt, 'salt'), bytes(alg.info, 'info'), length / 8);
  throw dom('NotSupportedError', `Unable to derive bits with ${alg.name}`);
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
  const alg = normalize(algorithm);
  checkUsage(baseKey, 'deriveKey');
  const target = normalize(derivedKeyAlgorithm);
  const length = target.name === 'HMAC' ? (target.length === undefined ? blockBits(target.hash) : target.length) : target.length;
  const raw = derive(alg, baseKey, length);
  return importKey('raw', raw, target, extractable, usages);
}

async function digest(algorithm, data) {
  const alg = normalize(algorithm);
  const name = nodeHash(alg);
  if (!name) throw dom('NotSupportedError', 'Unrecognized algorithm name');
  return toArrayBuffer(hashes.hash(name, bytes(data), 'buffer'));
}

async function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
  const exported = await exportKey(format, key);
  const data = format === 'jwk' ? Buffer.from(JSON.stringify(exported)) : Buffer.from(exported);
  const alg = normalize(wrapAlgorithm);
  checkUsage(wrappingKey, 'wrapKey');
  checkAlgorithm(wrappingKey, alg);
  if (alg.name !== 'RSA-OAEP') return toArrayBuffer(aes(true, alg, wrappingKey, data));
  try { return toArrayBuffer(sig.publicEncrypt({ key: wrappingKey[kKeyObject], oaepHash: nodeHash(wrappingKey.algorithm.hash), padding: 4 }, data)); } catch { throw opFailed(); }
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) {
  const alg = normalize(unwrapAlgorithm);
  checkUsage(unwrappingKey, 'unwrapKey');
  checkAlgorithm(unwrappingKey, alg);
  const d = bytes(wrappedKey, 'wrappedKey');
  let plain;
  if (alg.name === 'RSA-OAEP') {
    try { plain = sig.privateDecrypt({ key: unwrappingKey[kKeyObject], oaepHash: nodeHash(unwrappingKey.algorithm.hash), padding: 4 }, d); } catch { throw opFailed(); }
  } else plain = aes(false, alg, unwrappingKey, d);
  return importKey(format, format === 'jwk' ? JSON.parse(plain.toString()) : plain, unwrappedKeyAlgorithm, extractable, usages);
}

class SubtleCrypto {
  constructor() { throw new TypeError('Illegal constructor'); }
}
const methods = {
  digest, generateKey, importKey, exportKey, sign, verify, deriveBits, deriveKey, wrapKey, unwrapKey,
  encrypt: (algorithm, key, data) => crypt(true, algorithm, key, data),
  decrypt: (algorithm, key, data) => crypt(false, algorithm, key, data),
};
for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    // Synchronous throws (bad arguments) become rejections, as WebIDL promises require.
    value: { [name](...args) { try { return fn(...args); } catch (e) { return Promise.reject(e); } } }[name],
    writable: true, configurable: true, enumerable: true,
  });
}
const subtle = Object.create(SubtleCrypto.prototype);

module.exports = { subtle, SubtleCrypto, CryptoKey };

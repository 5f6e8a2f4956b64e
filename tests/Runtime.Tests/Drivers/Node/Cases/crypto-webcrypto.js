// crypto.subtle: digest, HMAC, AES-GCM/CBC/CTR, PBKDF2/HKDF/ECDH, RSA and ECDSA with keys and signatures made
// by node v22.23.3 (fromNode; randomised values are only verified), import/export formats and DOMException errors.
const fromNode = {
  "ecPkcs8": "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgr+91JWpTR+8fTInUiEoaR1u8A1a4Fvk6coMmh0qXKIuhRANCAAQIWfbjN5o3m3dXEkdkLXz3y7WrjpnTeSJGUNprba+7gZpc3IBL8Wpd/n3p2mwezrTEZJXtY0Wgy/2QaTy3vTAm",
  "ecSig": "hYAwwdHY7Wsjp6UHxbQhct1mGD6R3hohhx+HZFQ9Bad+EsQ5AzIfZNH37nUl9VaZICjgI3kJpSrK96w6qpk/4g==",
  "rsaPssJwk": {
    "key_ops": [
      "sign"
    ],
    "ext": true,
    "alg": "PS256",
    "kty": "RSA",
    "n": "3iz3S8vYhg5RJyt421AzlBbChO6ECjChKKcdhaWzI3l4XVM0-9Wns6Xnc4O92Hk7Ma_vZiKaz7I_as2K6TbxwhjjqXPy0whViaUaPZ9aCqd6mQ-lH-ou6l5c0RT2Dsx_hrpt2jYJXLHbS480Lrtiezo9vd-aq4syDHz8yo9mjeU",
    "e": "AQAB",
    "d": "Xw3v877P8XLYp6CCwZoLpzUhngwJ8-4gVStChzaAcRH8PDloNsKPUF4Pqy1XIPGlMLnr-8-cWnYRidlMsECwp6TJLQ5IjllBe_BksHU7PNLr3mGKh4QpXFa3WWA_lAX8ZE9_bdeVKZjZd8GBfsUDMdEJ53sNAOSFmVBJ8yRWcyE",
    "p": "_rVY527db_-GNHHqBebyTPfaaUg24jnootzPEf7fx9-ztFrWMsrWN6D8cCkkGuizBN1UtuOMDvdFKL-KqrJq_Q",
    "q": "301izhLLbLa1f0c87hRjPyQwsyezBR5jna8QUnr5iaWL0_FsO612yFqRx9kWhyYmy2yDOdt4eNHPl8XCbvlnCQ",
    "dp": "vq24PpmKgJvENmLJFV4NKn2qLoL3Q2iitbmj8w7hLFpVx8Dw9dlPgRmtobHK67IkwpGHJ9s1MMcAKT8rahpjaQ",
    "dq": "2ZaalJsTxdcze9Z6tLMBEmG9YpVoh7BY-SnBCd3ykgHSAq_Y-z3H5Or76nTK0t6GJuqR5CrLdU9crVNyZph3oQ",
    "qi": "Rt9kj82M-vdT9R0AkQLaFnQIp7A6dvZpljh1L7RVFfT1ygpfj8eQD__lOB5GxEeAqKKfl5XW7V3p7anLxOQ9BQ"
  },
  "pssSig": "P+YQuvdZ48ps+NsRFAVOzFl7wzdcJBkvDpgPfN4NCu3V/5mqOTFhszTsiuHHySdr3eEYZw4aptglSoENekZyecwBj9AIo58PCciYYl3dk0syN56WfvOl5kZpnKTf/q398C8n6UAV2jZT3Th2TkWm+g7Z08tMtSBhRIdW7UzQAaM=",
  "oaepPkcs8": "MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBAKc+fuy/kBnh7nuXu3oHtJe/6B5Qz6l/xqJNvtcRryJuIGj4xBF20Op07eon+iDMwqAKC2I30qg44qNWIVI1z0w9+98C2seWqFSh8S5siOEQexeYq0wv+TJV6qHOgycgJTi34LFUGkRy/ShPAvJkPJ4RJfAnjdg1PzpZ1HT2yHxjAgMBAAECgYA9q/8UAIP792OA8e/xTPwcZWkMHNKm93ZhDXhNSLkjYibTbsCmjAD4JExDZ6CGDdvLNkkCXAFzhR6WCsHY1fzt0JPkbBfrx96CG7DVqn7Sxipom8NarqtBIYMwlnw4GMvloZyg89yPyrRKu6TS00KYP5WIlDI20huT2MdPfqVkKQJBANzXX52a3kOySaG58JE5r1dWjpcmGn0kTK6wgC8RyduVq9W3RU0aVx6GmuVJgwfdUPb467f32SU+Ocg10vzop4cCQQDB3rYTlbylK4Q2xSbVrecri3K6JTTlu0DvaiijiKQ4IqEGnrjwB1s9WS8gMVehuEw+CQq7IGHvC4WBtRY+rUNFAkA3ZRLH3sv34SXVGmX8l6Ki3sRfp6AnWc6eVwmgRO8EVJPIxPLuNzg5IPyDnR/v/hTMDn5aJCJk1Cn8TXwCEn3LAkBkf4PZUTTSVmWaUscX26dLPmWBs0nhkRlPQrPAWlPuuZzJprvtyZJ1kebJBGsN7VCwk9VZPacm2M0jePEIGp8VAkBZNIEcW2pYy83kZL4HVOF0A+5p01J9Wm/vKzpOpdTBGy5X+K5IN96fe/ZRumgK5nsOsA+QGu/Ms8qU5EjQFChX",
  "oaepCipher": "iBAoMBKxWqJqfl/VLNY09yvQeS0CMhvVsBiKFG4VV+VVNHJV/aEozcDUZi3QbOwHiStHvuMVH3MbeRiD632ym8gRnIkppF/mw2tB3SEouGSdk+Z0M4ZN1oTK2zD0fhRr35Eckes75k1GdwKKR/m3r8hqQvos2hp0U5JMPBCvRpc="
};
const s = globalThis.crypto.subtle;
const enc = new TextEncoder();
const data = enc.encode('webcrypto data from node');
const hex = (ab) => Buffer.from(ab).toString('hex');
const from64 = (t) => Buffer.from(t, 'base64');
async function e(label, f) { try { const r = await f(); console.log(label, 'ok', r instanceof ArrayBuffer ? hex(r) : r); } catch (err) { console.log(label, err.name, err.message); } }
(async () => {
  for (const h of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) console.log(h, hex(await s.digest(h, data)));
  console.log('digest object', hex(await s.digest({ name: 'sha-256' }, new Uint8Array([1, 2, 3]).buffer)));
  const hmacKey = await s.importKey('raw', enc.encode('hmac key bytes'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  console.log('hmac key', hmacKey.type, hmacKey.extractable, JSON.stringify(hmacKey.algorithm), hmacKey.usages, hmacKey instanceof CryptoKey);
  const mac = await s.sign('HMAC', hmacKey, data);
  console.log('hmac', hex(mac), await s.verify('HMAC', hmacKey, mac, data), await s.verify('HMAC', hmacKey, mac, enc.encode('x')));
  console.log('hmac jwk', JSON.stringify(await s.exportKey('jwk', hmacKey)));
  const aesRaw = new Uint8Array(32).map((_, i) => i * 7);
  for (const name of ['AES-GCM', 'AES-CBC', 'AES-CTR']) {
    const key = await s.importKey('raw', aesRaw, name, true, ['encrypt', 'decrypt']);
    const params = name === 'AES-GCM' ? { name, iv: new Uint8Array(12).fill(9), additionalData: enc.encode('aad'), tagLength: 96 }
      : name === 'AES-CBC' ? { name, iv: new Uint8Array(16).fill(3) } : { name, counter: new Uint8Array(16).fill(5), length: 64 };
    const ct = await s.encrypt(params, key, data);
    console.log(name, hex(ct), new TextDecoder().decode(await s.decrypt(params, key, ct)), (await s.exportKey('jwk', key)).alg);
  }
  const gcmKey = await s.importKey('raw', aesRaw.subarray(0, 16), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const sealed = new Uint8Array(await s.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, gcmKey, data));
  sealed[0] ^= 1;
  await e('gcm tampered', () => s.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, gcmKey, sealed));
  await e('not extractable', () => s.exportKey('raw', gcmKey));
  await e('wrong usage', () => s.sign('HMAC', gcmKey, data));
  await e('unknown algorithm', () => s.digest('SHA-3', data));
  const pbkdf2 = await s.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  console.log('pbkdf2', hex(await s.deriveBits({ name: 'PBKDF2', salt: enc.encode('salt'), iterations: 1000, hash: 'SHA-256' }, pbkdf2, 256)));
  const derived = await s.deriveKey({ name: 'PBKDF2', salt: enc.encode('salt'), iterations: 10, hash: 'SHA-1' }, pbkdf2, { name: 'AES-CBC', length: 128 }, true, ['encrypt']);
  console.log('deriveKey', JSON.stringify(derived.algorithm), hex(await s.exportKey('raw', derived)));
  const hkdf = await s.importKey('raw', enc.encode('input key material'), 'HKDF', false, ['deriveBits']);
  console.log('hkdf', hex(await s.deriveBits({ name: 'HKDF', salt: enc.encode('salt'), info: enc.encode('info'), hash: 'SHA-512' }, hkdf, 320)));
  const ecPriv = await s.importKey('pkcs8', from64(fromNode.ecPkcs8), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  const ecJwk = await s.exportKey('jwk', ecPriv);
  const ecPub = await s.importKey('jwk', { kty: ecJwk.kty, crv: ecJwk.crv, x: ecJwk.x, y: ecJwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  console.log('ecdsa node signature', await s.verify({ name: 'ECDSA', hash: 'SHA-384' }, ecPub, from64(fromNode.ecSig), data));
  const mine = await s.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecPriv, data);
  console.log('ecdsa own', mine.byteLength, await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPub, mine, data));
  const raw = await s.exportKey('raw', ecPub);
  const again = await s.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  console.log('ec raw', raw.byteLength, hex(await s.exportKey('spki', again)) === hex(await s.exportKey('spki', ecPub)), JSON.stringify(ecPub.algorithm));
  console.log('ec jwk keys', Object.keys(ecJwk).join(','));
  const pssPriv = await s.importKey('jwk', fromNode.rsaPssJwk, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['sign']);
  const pssPubJwk = { kty: 'RSA', n: fromNode.rsaPssJwk.n, e: fromNode.rsaPssJwk.e };
  const pssPub = await s.importKey('jwk', pssPubJwk, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']);
  console.log('pss node signature', await s.verify({ name: 'RSA-PSS', saltLength: 32 }, pssPub, from64(fromNode.pssSig), data));
  const pss = await s.sign({ name: 'RSA-PSS', saltLength: 20 }, pssPriv, data);
  console.log('pss own', await s.verify({ name: 'RSA-PSS', saltLength: 20 }, pssPub, pss, data), await s.verify({ name: 'RSA-PSS', saltLength: 32 }, pssPub, pss, data));
  console.log('rsa algorithm', JSON.stringify({ ...pssPub.algorithm, publicExponent: [...pssPub.algorithm.publicExponent] }));
  console.log('rsa jwk', JSON.stringify(await s.exportKey('jwk', pssPub)));
  const pkcs1 = await s.importKey('jwk', pssPubJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, true, ['verify']);
  const pkcs1Priv = await s.importKey('jwk', { ...fromNode.rsaPssJwk, alg: undefined, key_ops: undefined }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, false, ['sign']);
  const sig1 = await s.sign('RSASSA-PKCS1-v1_5', pkcs1Priv, data);
  console.log('pkcs1 signature', hex(sig1), await s.verify('RSASSA-PKCS1-v1_5', pkcs1, sig1, data));
  const oaepPriv = await s.importKey('pkcs8', from64(fromNode.oaepPkcs8), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  console.log('oaep node ciphertext', new TextDecoder().decode(await s.decrypt('RSA-OAEP', oaepPriv, from64(fromNode.oaepCipher))));
  const a = await s.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits']);
  const b = await s.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits']);
  const ab = await s.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, 384);
  const ba = await s.deriveBits({ name: 'ECDH', public: a.publicKey }, b.privateKey, 384);
  console.log('ecdh', ab.byteLength, hex(ab) === hex(ba), a.privateKey.usages, a.publicKey.usages);
  const gen = await s.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' }, false, ['encrypt', 'decrypt']);
  console.log('generated rsa', gen.publicKey.extractable, gen.privateKey.extractable, gen.publicKey.usages, gen.privateKey.usages, (await s.exportKey('jwk', gen.publicKey)).alg);
  const hk = await s.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
  console.log('generated hmac', hk.algorithm.length, (await s.exportKey('raw', hk)).byteLength);
  const wrapper = await s.importKey('raw', aesRaw, 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  const wrapped = await s.wrapKey('raw', hmacKey, wrapper, { name: 'AES-GCM', iv: new Uint8Array(12) });
  const unwrapped = await s.unwrapKey('raw', wrapped, wrapper, { name: 'AES-GCM', iv: new Uint8Array(12) }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  console.log('wrap', hex(wrapped), hex(await s.sign('HMAC', unwrapped, data)) === hex(mac));
  await e('bad aes length', () => s.importKey('raw', new Uint8Array(10), 'AES-GCM', true, ['encrypt']));
  await e('raw private export', () => s.exportKey('raw', pssPriv));
})();

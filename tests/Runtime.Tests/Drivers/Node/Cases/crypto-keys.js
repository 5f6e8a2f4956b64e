// RSA and EC keys: import/export (PEM, DER, JWK), details, sign/verify (PKCS#1 v1.5, PSS, ECDSA DER/P1363),
// OAEP/PKCS#1 encryption, ECDH. Keys and signatures in fromNode were made by node v22.23.3 (randomised ones
// are only verified); everything printed is deterministic.
const crypto = require('crypto');
const fromNode = {
  "rsaPem": "-----BEGIN RSA PRIVATE KEY-----\nMIICXgIBAAKBgQClgyQsJWHp/Rj63Rd3lUF2LQRZ/q3qSyGbfJOsgzmGB90h2LpR\nnAMyt++wunTRvGTMh7L5JE/t71Nddk7gqwJjrm8eFdyLOhjRkfgMryLohfQb36cl\nkrqV0zzVAgku5VuJ6WDMz+YzsqQyASXYoHWFYxzOQTXhRSBLPmBiEDCk4QIDAQAB\nAoGBAJF+KGwOKHZSIIVVmO1r7PF/PRYHRMZyaQaPihjZ+dUSUJcSNybKKB2Lh04p\nects+oa4uuE7xG96NCQyfcANU7j12t25KRGK7miuL51wFY42WEVUch+lDS3FjKW2\nb1q0YFDji4sRMxtdzx0Abqt6VwPjzMp77iF9VYP6PdehRvHhAkEA21v+9BKZSwSD\nQi7UQ2hsnQe4YjkNnMfUoI756VrtD2dRDoGtAb2JqmAyd2VIGSvvHj59MVtDvh8V\ndx2HrgrAlQJBAMEomGZTFSL9kuSF+LVxz5WsaPqqALcRDo8fmXDWot52qjj6TtMw\nNP/ozTF8CySHcSALjU5Y2Er5odl9aY/8hB0CQAwp079Q8LMaMvUOh7KdLbifXvgD\nVd/lrMKiavUnl5GNFw+I3UEFc4bBAstgEFlk+ENjD6oW93CpZJVQS9+4tOkCQQCb\nzF+oYSkyUO+zra/ewk7affcrAAaVoodov+cm0akK4RIJ5TPBOif1plQjrtbZ/vkr\nDMZMRHMpflKit3p27gmtAkEA1FKhcLodsA5u5KqGZYLeI31+aGGm4BNAk+P//uNo\nbCfK94Ivkc9pVqFiAobwUgFJKEiTc7sneSb6oYIM2qZb2g==\n-----END RSA PRIVATE KEY-----\n",
  "ecPem": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIO2oyAUO5q85lKY8etILXtHOFyOxqojtJ05EB199STPJoAoGCCqGSM49\nAwEHoUQDQgAE5xbHXNo6//Mj3MCN4UPu4yM8vM9HEfadd9okpj9Aa3o60GlkfP+O\ntrJOEz+Ivx3Kb9Qae7KifDUaUhK4l04Usg==\n-----END EC PRIVATE KEY-----\n",
  "ec384Pkcs8": "-----BEGIN PRIVATE KEY-----\nMIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDEiusKLBjcV308LmB9\n6+jYpxr/sQ3wVT5dr/sxo1oi9WQHy3PvvKmLC1cFA+9uQ+mhZANiAAQW+MxPjcMt\nyll2+CI0ik0vv0xZe4PVHHLV8KR0GNDsQR+hdUUlL5OuCpSjenfq4SSDh2JeRYu2\neSFzWtTelOYDvPcbCOJ+2z0EJ0+8t4NBcQvkwKfP+xKa59cYq7eZNDk=\n-----END PRIVATE KEY-----\n",
  "rsaPss": "TmKRBkk4WztyKmQfTq3PAOK6F0X2u4VGEyxJ0jhb49BnyE14JS/kcHIr/L9xFBTu7uHR/YlZSUWml3Uk67IR3nXLxrd1CfrdcOBvW5hHhKCrYb6HhgB322Lg+jZLSzLLnEdzvm9+YaKsy8jjQ410FVAiToy+0g7tjXVmvmfPOlo=",
  "rsaPssDigest": "UEsGnhWaCHFAs3adlWxFoJ9zMtHq/MgWhrxRks1mtK4LsJekymZWY9I3+/s7KL1CGwQ/hxlbSThiQtolVQUIQqBaaYJVI+1SMK98psLdwuyEeTEpsrEi1aCWeJQCT5PEXTzthvAM7mYGES9FIQOlzucDEFDD0mu/ffdMLI+twqg=",
  "ecDer": "MEYCIQCQLa9M1snwjQ9rduybSERnfNGJeGx/SzJ2UzreXtdyRwIhAK1eSItWF+mQR6B+3SZH341fc/75pp6iLTOttaC3rCtx",
  "ecP1363": "8+1uv12YU5cExzS1iqKiD84UkZZFZRrlT6BTEs8moBkFn9Qy2o5QFrt1eTWECAlDI5880Mw7/aEwg62L355IM2dEb0EEMTmXGMSOmFmjVLbXDywPsp5H4H4DFYqOcwoI",
  "oaep": "AcF7/btOjTgbz0IgiHtqCxeAOSVY8bUK0E/tdRLgAm2YP3QduOrjYEgRwNCObOV8ZYmEbKnHtbMacNpOjsz3InWAeGOW/+VpZxc4/cMJp0z4+fk/6Nd7TPQJaJPSRspsTRZLV2n88pW+eftKg2RX0sfeBNuK9kF8yBETYbHAmjM=",
  "oaep256": "clf4kEn5kQP1Uivi/W03DmvKr00UuebOMKyHp9Vkh78aTNYzlclL0Ftf7ajT7ChlpEsPRKlE/f2jiW/agsCCWG0LpyeL78O9mKV17qHUaOXusEyFOAq2NSWk4zgno4P5E/VwwQI/kpdlPUxbPcsL42m1lU5LDh/7fiVixZGDU14=",
  "pkcs1": "Ynjm7K4Mtv6TOrmIt6eYl1zRvVoeQpS7IF2ibhQgq9KpgjPzaqg5XT/ozfWnpFrvuzpkAr/7hSlzxp15f+7QsOrj4FbonQlY6sOXVtn2t9cSj/0Wn+SZlGpOjNtSLcsruwvPwtNwuKscTKiTWtbQ6HBfR+wVKpTy7+7WViQ+4p4="
};
const data = Buffer.from('message signed by real node');
const md5 = (b) => crypto.createHash('md5').update(b).digest('hex');
const e = (label, f) => { try { const r = f(); console.log(label, 'ok', typeof r === 'string' || typeof r === 'boolean' ? r : Buffer.isBuffer(r) ? md5(r) : typeof r); } catch (err) { console.log(label, err.name, err.code, err.message); } };

const rsaKey = crypto.createPrivateKey(fromNode.rsaPem);
const rsaPub = crypto.createPublicKey(fromNode.rsaPem);
const ecKey = crypto.createPrivateKey(fromNode.ecPem);
const ecPub = crypto.createPublicKey(ecKey);
const ec384 = crypto.createPrivateKey(fromNode.ec384Pkcs8);
for (const k of [rsaKey, rsaPub, ecKey, ecPub, ec384]) console.log(k.type, k.asymmetricKeyType, k.asymmetricKeyDetails, k instanceof crypto.KeyObject);
for (const [type, format] of [['pkcs1', 'pem'], ['pkcs8', 'pem'], ['pkcs8', 'der'], ['pkcs1', 'der']]) console.log('rsa export', type, format, md5(rsaKey.export({ type, format })));
for (const [type, format] of [['spki', 'pem'], ['pkcs1', 'pem'], ['spki', 'der']]) console.log('rsa public export', type, format, md5(rsaPub.export({ type, format })));
for (const [type, format] of [['sec1', 'pem'], ['pkcs8', 'pem'], ['sec1', 'der']]) console.log('ec export', type, format, md5(ecKey.export({ type, format })));
console.log('ec public export', ecPub.export({ type: 'spki', format: 'pem' }));
console.log('jwk', JSON.stringify(rsaPub.export({ format: 'jwk' })), JSON.stringify(ecKey.export({ format: 'jwk' })));
console.log('pem round trip', rsaKey.export({ type: 'pkcs8', format: 'pem' }) === crypto.createPrivateKey(rsaKey.export({ type: 'pkcs8', format: 'pem' })).export({ type: 'pkcs8', format: 'pem' }));
console.log('der import', crypto.createPrivateKey({ key: ecKey.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' }).equals(ecKey));
console.log('jwk import', crypto.createPrivateKey({ key: rsaKey.export({ format: 'jwk' }), format: 'jwk' }).equals(rsaKey), crypto.createPublicKey({ key: ecPub.export({ format: 'jwk' }), format: 'jwk' }).equals(ecPub));
console.log('spki der import', crypto.createPublicKey({ key: rsaPub.export({ type: 'spki', format: 'der' }), format: 'der', type: 'spki' }).equals(rsaPub));
console.log('pkcs1 sign', crypto.sign('sha256', data, rsaKey).toString('base64'));
console.log('pkcs1 sign sha1', crypto.createSign('sha1').update('message ').update('signed by real node').sign(fromNode.rsaPem, 'hex'));
console.log('verify node pss', crypto.verify('sha256', data, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, Buffer.from(fromNode.rsaPss, 'base64')));
console.log('verify node pss digest salt', crypto.verify('sha256', data, { key: rsaPub, padding: 6, saltLength: -1 }, Buffer.from(fromNode.rsaPssDigest, 'base64')));
console.log('pss wrong salt', crypto.verify('sha256', data, { key: rsaPub, padding: 6, saltLength: 20 }, Buffer.from(fromNode.rsaPss, 'base64')));
console.log('verify node ecdsa', crypto.verify('sha256', data, ecPub, Buffer.from(fromNode.ecDer, 'base64')), crypto.createVerify('sha256').update(data).verify(fromNode.ecPem, fromNode.ecDer, 'base64'));
console.log('verify node p1363', crypto.verify('sha384', data, { key: ec384, dsaEncoding: 'ieee-p1363' }, Buffer.from(fromNode.ecP1363, 'base64')));
console.log('tampered', crypto.verify('sha256', Buffer.from('other'), ecPub, Buffer.from(fromNode.ecDer, 'base64')));
const pss = crypto.sign('sha512', data, { key: rsaKey, padding: 6 });
console.log('pss round trip', pss.length, crypto.verify('sha512', data, { key: rsaPub, padding: 6 }, pss));
const p1363 = crypto.sign('sha256', data, { key: ecKey, dsaEncoding: 'ieee-p1363' });
console.log('p1363 round trip', p1363.length, crypto.verify('sha256', data, { key: ecPub, dsaEncoding: 'ieee-p1363' }, p1363));
console.log('oaep', crypto.privateDecrypt(rsaKey, Buffer.from(fromNode.oaep, 'base64')).toString());
console.log('oaep256', crypto.privateDecrypt({ key: rsaKey, oaepHash: 'sha256' }, Buffer.from(fromNode.oaep256, 'base64')).toString());
console.log('pkcs1 decrypt', crypto.privateDecrypt({ key: fromNode.rsaPem, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(fromNode.pkcs1, 'base64')).toString());
console.log('encrypt round trip', crypto.privateDecrypt(rsaKey, crypto.publicEncrypt(rsaPub, Buffer.from('both ways'))).toString());
const other = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
console.log('ecdh', crypto.diffieHellman({ privateKey: ecKey, publicKey: other.publicKey }).equals(crypto.diffieHellman({ privateKey: other.privateKey, publicKey: ecPub })));
const gen = crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
console.log('generated pem', gen.publicKey.split('\n')[0], gen.privateKey.split('\n')[0], crypto.verify('sha256', data, gen.publicKey, crypto.sign('sha256', data, gen.privateKey)));
for (const curve of ['P-256', 'P-384', 'P-521', 'secp256k1']) {
  const kp = crypto.generateKeyPairSync('ec', { namedCurve: curve });
  console.log('generated', curve, kp.privateKey.asymmetricKeyDetails.namedCurve, crypto.verify(null, data, kp.publicKey, crypto.sign(null, data, kp.privateKey)));
}
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
console.log('secret', secret.type, secret.symmetricKeySize, secret.export().toString(), JSON.stringify(secret.export({ format: 'jwk' })));
console.log('hmac with key object', crypto.createHmac('sha256', secret).update('x').digest('hex'));
const aesKey = crypto.generateKeySync('aes', { length: 256 });
console.log('generateKeySync', aesKey.symmetricKeySize, crypto.generateKeySync('hmac', { length: 64 }).symmetricKeySize);
e('cipher with key object', () => { const c = crypto.createCipheriv('aes-256-ctr', aesKey, Buffer.alloc(16)); return c.update('x').length === 1; });
e('bad pem', () => crypto.createPrivateKey('garbage'));
e('public as private', () => crypto.createPrivateKey(rsaPub));
e('bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }));
e('bad type', () => crypto.generateKeyPairSync('dsa2', {}));
e('no modulus', () => crypto.generateKeyPairSync('rsa', {}));
e('no curve', () => crypto.generateKeyPairSync('ec', {}));
e('sign with public', () => crypto.sign('sha256', data, rsaPub));
e('bad digest', () => crypto.sign('nope', data, rsaKey));
e('createSign bad digest', () => crypto.createSign('nope'));
e('export no options', () => rsaKey.export());
e('export no type', () => rsaKey.export({ format: 'pem' }));
e('export wrong type', () => rsaPub.export({ format: 'der', type: 'pkcs8' }));
e('oaep garbage', () => crypto.privateDecrypt(rsaKey, Buffer.alloc(128)));
e('secret from key object', () => crypto.createSecretKey(secret));
crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, (err, pub, priv) => {
  console.log('generateKeyPair cb', err, pub.type, priv.type);
  crypto.sign('sha256', data, priv, (err2, signature) => console.log('sign cb', err2, crypto.verify('sha256', data, pub, signature)));
});

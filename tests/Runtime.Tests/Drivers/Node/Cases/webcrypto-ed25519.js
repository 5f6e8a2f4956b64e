// crypto.subtle with Ed25519 (sign/verify) and X25519 (deriveBits/deriveKey): RFC 8032 and RFC 7748 vectors,
// generated keys and key formats. Recorded with Node v22.23.3 (see README.md).
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');
const pkcs8 = (oid, raw) => Buffer.concat([Buffer.from(`302e020100300506032b65${oid}04220420`, 'hex'), Buffer.from(raw, 'hex')]);

(async () => {
  // RFC 8032 7.1 test 2
  const priv = await subtle.importKey('pkcs8', pkcs8('70', '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb'), 'Ed25519', true, ['sign']);
  console.log(priv.type, JSON.stringify(priv.algorithm), priv.usages, priv.extractable);
  const pub = await subtle.importKey('raw', Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex'), { name: 'Ed25519' }, true, ['verify']);
  const signature = await subtle.sign('Ed25519', priv, Buffer.from('72', 'hex'));
  console.log(hex(signature));
  console.log(await subtle.verify('Ed25519', pub, signature, Buffer.from('72', 'hex')), await subtle.verify('Ed25519', pub, signature, Buffer.from('73', 'hex')));
  const jwk = await subtle.exportKey('jwk', priv);
  console.log(JSON.stringify(jwk));
  console.log(JSON.stringify(await subtle.exportKey('jwk', pub)), hex(await subtle.exportKey('raw', pub)), hex(await subtle.exportKey('spki', pub)));
  const again = await subtle.importKey('jwk', jwk, 'Ed25519', false, ['sign']);
  console.log(hex(await subtle.sign({ name: 'Ed25519' }, again, Buffer.from('72', 'hex'))) === hex(signature));

  const pair = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  console.log(pair.publicKey.usages, pair.privateKey.usages, pair.publicKey.extractable, JSON.stringify(pair.privateKey.algorithm));
  const s = await subtle.sign('Ed25519', pair.privateKey, Buffer.from('data'));
  console.log(s.byteLength, await subtle.verify('Ed25519', pair.publicKey, s, Buffer.from('data')));

  // X25519: RFC 7748 6.1
  const alice = await subtle.importKey('pkcs8', pkcs8('6e', '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'), 'X25519', true, ['deriveBits', 'deriveKey']);
  const bobPub = await subtle.importKey('raw', Buffer.from('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f', 'hex'), 'X25519', true, []);
  console.log(JSON.stringify(alice.algorithm), alice.usages, bobPub.usages);
  console.log(hex(await subtle.deriveBits({ name: 'X25519', public: bobPub }, alice, 256)));
  console.log(hex(await subtle.deriveBits({ name: 'X25519', public: bobPub }, alice, 128)));
  const aes = await subtle.deriveKey({ name: 'X25519', public: bobPub }, alice, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log(hex(await subtle.exportKey('raw', aes)));
  console.log(JSON.stringify(await subtle.exportKey('jwk', bobPub)));
  const xpair = await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
  console.log(xpair.publicKey.usages, xpair.privateKey.usages, (await subtle.deriveBits({ name: 'X25519', public: xpair.publicKey }, xpair.privateKey, 256)).byteLength);

  // Errors
  for (const f of [
    () => subtle.sign('Ed25519', pub, Buffer.from('x')),
    () => subtle.importKey('raw', Buffer.alloc(31), 'Ed25519', true, ['verify']),
    () => subtle.deriveBits({ name: 'X25519', public: pub }, alice, 256),
  ]) {
    try { await f(); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
  }
})();

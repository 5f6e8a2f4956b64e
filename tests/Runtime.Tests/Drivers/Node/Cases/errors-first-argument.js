// ERR_INVALID_ARG_TYPE where Node names the argument by position ("The first argument must be ...").
for (const f of [() => Buffer.from(1), () => Buffer.from(undefined), () => Buffer.from(Symbol('s'))]) {
  try { f(); } catch (e) { console.log(e.code, e.name, e.message); }
}

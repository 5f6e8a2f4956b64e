// process.features: Node 22's keys in its order, getters where Node has getters, and require(esm) reported as
// available. (Values that describe this sandbox, such as tls and typescript, are not compared.)
console.log(Object.keys(process.features).join(','));
for (const k of ['cached_builtins', 'require_module', 'typescript', 'tls']) {
  const d = Object.getOwnPropertyDescriptor(process.features, k);
  console.log(k, typeof d.get, d.enumerable, d.configurable);
}
console.log(process.features.require_module, process.features.cached_builtins);

// node:v8 — heap statistics from the engine and (de)serialization in V8's wire format (internal/v8_serdes).
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const serdes = require('internal/v8_serdes');

function getHeapStatistics() {
  const [total, executable, physical, available, used, limit, external] = String(bridge(OP.HeapStatistics)).split(',').map(Number);
  return {
    total_heap_size: total, total_heap_size_executable: executable, total_physical_size: physical,
    total_available_size: available, used_heap_size: used, heap_size_limit: limit, malloced_memory: 0,
    peak_malloced_memory: 0, does_zap_garbage: 0, number_of_native_contexts: 1, number_of_detached_contexts: 0,
    total_global_handles_size: 0, used_global_handles_size: 0, external_memory: external,
  };
}

function unsupported(name) {
  return function () { throw errors.notSupported(`v8.${name}`); };
}

// Node writes coverage only when NODE_V8_COVERAGE was set at start-up, and these do nothing otherwise (test runners
// call them unconditionally). This runtime collects no coverage, so with the variable set they fail loudly.
function coverage(name) {
  return function () {
    if (process.env.NODE_V8_COVERAGE) throw errors.notSupported(`v8.${name} with NODE_V8_COVERAGE`);
  };
}

module.exports = {
  // A tag for the cache format of this engine (cached data itself is not supported by vm.Script here).
  cachedDataVersionTag: () => [...process.versions.v8].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7),
  getHeapStatistics,
  getHeapSpaceStatistics: unsupported('getHeapSpaceStatistics'),
  getHeapCodeStatistics: unsupported('getHeapCodeStatistics'),
  getHeapSnapshot: unsupported('getHeapSnapshot'),
  writeHeapSnapshot: unsupported('writeHeapSnapshot'),
  setFlagsFromString: unsupported('setFlagsFromString'),
  setHeapSnapshotNearHeapLimit: unsupported('setHeapSnapshotNearHeapLimit'),
  takeCoverage: coverage('takeCoverage'),
  stopCoverage: coverage('stopCoverage'),
  queryObjects: unsupported('queryObjects'),
  isStringOneByteRepresentation(content) {
    if (typeof content !== 'string') throw errors.invalidArgType('content', 'string', content);
    for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) > 0xFF) return false;
    return true;
  },
  ...serdes,
};

// node:internal/vm_context — evaluated by the host inside each new node:vm context (a second V8 context in the
// process's isolate). Its value, the control object, goes only to the outer context's node:vm; code in the new
// context cannot reach it. It makes the sandbox's properties the context's globals: each sandbox key becomes
// a global accessor reading and writing the sandbox; globals the code creates (var, function, x = 1) are
// copied back to the sandbox after every run. Intrinsics are captured now, so the context's code cannot
// change what this code calls.
(function () {
  'use strict';
  const g = globalThis;
  delete g.console; // ClearScript's (defined again below)
  const { create, defineProperty, getOwnPropertyDescriptor } = Object;
  const { ownKeys } = Reflect;
  const ObjectIs = Object.is;
  const captureStackTrace = Error.captureStackTrace;

  // Node 22's global surface: none of the newer V8's additions (ClearScript's EngineInternal cannot go).
  const extra = ['AsyncDisposableStack', 'DisposableStack', 'SuppressedError', 'Float16Array'];
  for (let i = 0; i < extra.length; i++) delete g[extra[i]];

  // V8's console in a context without an inspector: every method exists and prints nothing.
  const consoleNames = ['debug', 'error', 'info', 'log', 'warn', 'dir', 'dirxml', 'table', 'trace', 'group',
    'groupCollapsed', 'groupEnd', 'clear', 'count', 'countReset', 'assert', 'profile', 'profileEnd', 'time',
    'timeLog', 'timeEnd', 'timeStamp', 'context', 'createTask'];
  const console = create(Object.prototype);
  for (let i = 0; i < consoleNames.length; i++) {
    defineProperty(console, consoleNames[i], { value: ({ [consoleNames[i]]() {} })[consoleNames[i]], enumerable: true, writable: true, configurable: true });
  }
  defineProperty(console, Symbol.toStringTag, { value: 'console', configurable: true });
  defineProperty(g, 'console', { value: console, writable: true, configurable: true });

  const builtins = create(null); // the fresh global's own properties (descriptors)
  const names = ownKeys(g);
  for (let i = 0; i < names.length; i++) builtins[names[i]] = getOwnPropertyDescriptor(g, names[i]);
  const linked = create(null); // key → the getter of its global accessor into the sandbox

  function linkKey(box, key) {
    const getter = function () { return box[key]; };
    defineProperty(g, key, {
      get: getter,
      set(value) { box[key] = value; },
      enumerable: true,
      configurable: true,
    });
    linked[key] = getter;
  }

  function isLinked(key) {
    const d = getOwnPropertyDescriptor(g, key);
    return d !== undefined && linked[key] !== undefined && d.get === linked[key];
  }

  return {
    // Before a run: every own key of the sandbox is a global (sandbox keys shadow built-ins).
    link(box) {
      const old = ownKeys(linked);
      for (let i = 0; i < old.length; i++) {
        const key = old[i];
        if (key in box) continue;
        if (isLinked(key)) {
          if (builtins[key] !== undefined) defineProperty(g, key, builtins[key]);
          else delete g[key];
        }
        delete linked[key];
      }
      const keys = ownKeys(box);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (isLinked(key)) continue;
        const d = getOwnPropertyDescriptor(g, key);
        if (d !== undefined && !d.configurable) {
          // a var or function declaration of an earlier run: the sandbox's value is copied in
          if ('value' in d && d.writable && !ObjectIs(d.value, box[key])) g[key] = box[key];
          continue;
        }
        linkKey(box, key);
      }
    },
    // After a run: globals the code created or replaced go to the sandbox.
    writeBack(box) {
      const old = ownKeys(linked);
      for (let i = 0; i < old.length; i++) {
        const key = old[i];
        if (getOwnPropertyDescriptor(g, key) === undefined) {
          delete box[key]; // `delete name` in the context
          delete linked[key];
        }
      }
      const keys = ownKeys(g);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (isLinked(key)) continue;
        delete linked[key];
        const d = getOwnPropertyDescriptor(g, key);
        const builtin = builtins[key];
        if (builtin !== undefined && 'value' in d && 'value' in builtin && ObjectIs(d.value, builtin.value)) continue;
        if (!('value' in d)) {
          defineProperty(box, key, d);
          continue;
        }
        box[key] = d.value;
        if (d.configurable) linkKey(box, key);
      }
    },
    // The value a run hands out: the sandbox stands for this context's global object.
    result(box, value) { return value === g ? box : value; },
    // Error constructors for errors this context's compiler reports.
    realm: { SyntaxError, ReferenceError, TypeError, RangeError },
    timeoutError(ms, skip) {
      const err = new Error(`Script execution timed out after ${ms}ms`);
      captureStackTrace(err, skip);
      defineProperty(err, 'code', { value: 'ERR_SCRIPT_EXECUTION_TIMEOUT', enumerable: true, writable: true, configurable: true });
      return err;
    },
  };
})()

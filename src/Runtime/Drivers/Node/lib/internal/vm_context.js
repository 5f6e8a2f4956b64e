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
  const hasOwn = Object.hasOwn;
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

  // V8 refuses code of another context touching this context's global object (ClearScript gives each context its
  // own security token; Node shares its creator's), so outer code gets a proxy instead: its traps are functions of
  // this context, so they may touch the global. Like Node's global proxy it writes through to the sandbox: a key set
  // or defined on it goes to the sandbox and is linked at once. The target only mirrors the global's
  // non-configurable keys, which proxy invariants require.
  let view;
  const { defineProperty: reflectDefine, deleteProperty, get, getOwnPropertyDescriptor: reflectDescriptor,
    getPrototypeOf, has, set, setPrototypeOf } = Reflect;
  function globalView(box) {
    const target = create(null);
    function mirror(key, d) {
      if (d !== undefined && !d.configurable && (!hasOwn(target, key) || d.writable)) reflectDefine(target, key, d);
      return d;
    }
    // fixed: a non-configurable key (a declaration, or defined so) lives on the global itself, not as a link
    function writeThrough(key, define, fixed) {
      if (!define(box)) return false;
      const d = getOwnPropertyDescriptor(g, key);
      if (fixed || (d !== undefined && !d.configurable)) {
        if (isLinked(key)) { delete g[key]; delete linked[key]; }
        return define(g) && (mirror(key, getOwnPropertyDescriptor(g, key)), true);
      }
      if (!isLinked(key)) linkKey(box, key);
      return true;
    }
    return new Proxy(target, {
      get(_, key) { return get(g, key); },
      set(_, key, value) { return writeThrough(key, (o) => set(o, key, value)); },
      defineProperty(_, key, d) { return writeThrough(key, (o) => reflectDefine(o, key, d), 'configurable' in d && !d.configurable); },
      deleteProperty(_, key) {
        deleteProperty(box, key);
        if (isLinked(key)) {
          delete linked[key];
          if (builtins[key] !== undefined) defineProperty(g, key, builtins[key]);
          else delete g[key];
          return true;
        }
        return deleteProperty(g, key);
      },
      has(_, key) { return has(g, key); },
      ownKeys() { return ownKeys(g); },
      getOwnPropertyDescriptor(_, key) { return mirror(key, reflectDescriptor(g, key)); },
      getPrototypeOf() { return getPrototypeOf(g); },
      setPrototypeOf(_, proto) { return setPrototypeOf(g, proto); },
      preventExtensions() { return false; },
    });
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
        if (!(hasOwn(box, key) && ObjectIs(box[key], d.value))) box[key] = d.value;
        if (d.configurable) linkKey(box, key);
      }
    },
    // The value a run hands out: this context's global object is handed out as its view (see globalView).
    result(box, value) { return value === g ? (view ??= globalView(box)) : value; },
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

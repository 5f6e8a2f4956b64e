// node:perf_hooks — the performance timeline (marks, measures, function timings) and PerformanceObserver.
// Event-loop delay histograms and GC/HTTP entries are not produced in this runtime.
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { DOMException } = require('internal/dom_exception');

const now = () => bridge(OP.HrTime) / 1e6;
const timeOrigin = Date.now() - now();
const kInternal = Symbol('kInternal');

class PerformanceEntry {
  constructor(skip, name, type, start, duration, detail) {
    if (skip !== kInternal) throw errors.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    this._name = name; this._type = type; this._start = start; this._duration = duration; this._detail = detail;
    for (const k of ['_name', '_type', '_start', '_duration', '_detail']) Object.defineProperty(this, k, { enumerable: false });
  }
  get name() { return this._name; }
  get entryType() { return this._type; }
  get startTime() { return this._start; }
  get duration() { return this._duration; }
  get detail() { return this._detail; }
  toJSON() { return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail }; }
}
class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    const startTime = options && options.startTime !== undefined ? options.startTime : now();
    if (typeof startTime !== 'number') throw errors.invalidArgType('options.startTime', 'number', startTime);
    if (startTime < 0) throw new DOMException(`${startTime} is not a valid start time.`, 'SyntaxError');
    const detail = options && options.detail !== undefined ? structuredClone(options.detail) : null;
    super(kInternal, String(name), 'mark', startTime, 0, detail);
  }
}
class PerformanceMeasure extends PerformanceEntry {
  constructor(skip, name, start, duration, detail) { super(skip, name, 'measure', start, duration, detail); }
}

const buffers = { mark: [], measure: [], function: [] };
const observers = new Set();

function byStart(a, b) { return a.startTime - b.startTime; }

function enqueue(entry) {
  if (entry.entryType === 'mark' || entry.entryType === 'measure') buffers[entry.entryType].push(entry);
  for (const o of observers) o._queue(entry);
}

function markTime(name) {
  if (typeof name === 'number') return name;
  const list = buffers.mark;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) return list[i].startTime;
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

class Performance {
  constructor(skip) { if (skip !== kInternal) throw errors.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  now() { return now(); }
  get timeOrigin() { return timeOrigin; }
  mark(name, options) {
    const mark = new PerformanceMark(name, options);
    enqueue(mark);
    return mark;
  }
  measure(name, startOrOptions, endMark) {
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      const o = startOrOptions;
      if (o.start !== undefined) start = markTime(o.start);
      if (o.end !== undefined) end = markTime(o.end);
      else if (o.duration !== undefined && start !== undefined) end = start + o.duration;
      if (o.duration !== undefined && start === undefined && end !== undefined) start = end - o.duration;
      if (o.detail !== undefined) detail = structuredClone(o.detail);
    } else if (startOrOptions !== undefined) {
      start = markTime(startOrOptions);
    }
    if (endMark !== undefined) end = markTime(endMark);
    if (end === undefined) end = now();
    if (start === undefined) start = 0;
    const measure = new PerformanceMeasure(kInternal, String(name), start, end - start, detail);
    enqueue(measure);
    return measure;
  }
  clearMarks(name) { buffers.mark = name === undefined ? [] : buffers.mark.filter((e) => e.name !== String(name)); }
  clearMeasures(name) { buffers.measure = name === undefined ? [] : buffers.measure.filter((e) => e.name !== String(name)); }
  clearResourceTimings() {}
  getEntries() { return [...buffers.mark, ...buffers.measure].sort(byStart); }
  getEntriesByName(name, type) { return this.getEntries().filter((e) => e.name === name && (type === undefined || e.entryType === type)); }
  getEntriesByType(type) { return (buffers[type] || []).slice().sort(byStart); }
  timerify(fn) {
    errors.validateFunction(fn, 'fn');
    const self = this;
    function timerified(...args) {
      const start = now();
      const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
      const record = () => enqueue(new PerformanceEntry(kInternal, fn.name, 'function', start, now() - start, args));
      if (result instanceof Promise) return result.finally(record);
      record();
      return result;
    }
    void self;
    Object.defineProperty(timerified, 'name', { value: `timerified ${fn.name}` });
    Object.defineProperty(timerified, 'length', { value: fn.length });
    return timerified;
  }
  eventLoopUtilization() { throw errors.notSupported('performance.eventLoopUtilization'); }
  toJSON() { return { timeOrigin: this.timeOrigin }; }
  get [Symbol.toStringTag]() { return 'Performance'; }
}

class PerformanceObserverEntryList {
  constructor(skip, entries) {
    if (skip !== kInternal) throw errors.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    Object.defineProperty(this, '_entries', { value: entries.sort(byStart) });
  }
  getEntries() { return this._entries.slice(); }
  getEntriesByType(type) { return this._entries.filter((e) => e.entryType === type); }
  getEntriesByName(name, type) { return this._entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)); }
}

const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

class PerformanceObserver {
  #callback;
  #types = new Set();
  #buffer = [];
  #scheduled = false;
  constructor(callback) {
    errors.validateFunction(callback, 'callback');
    this.#callback = callback;
  }
  static get supportedEntryTypes() { return supportedEntryTypes; }
  observe(options = {}) {
    if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "options.entryTypes" or "options.type" argument must be specified');
    if (entryTypes !== undefined && type !== undefined) throw errors.invalidArgValue('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    const list = entryTypes !== undefined ? entryTypes : [type];
    if (!Array.isArray(list)) throw errors.invalidArgType('options.entryTypes', 'string[]', entryTypes);
    this.#types = new Set(list.filter((t) => supportedEntryTypes.includes(t)));
    if (this.#types.size === 0) return;
    observers.add(this);
    if (buffered && type !== undefined) for (const e of performance.getEntriesByType(type)) this._queue(e);
  }
  disconnect() { observers.delete(this); this.#buffer = []; }
  takeRecords() { const list = this.#buffer; this.#buffer = []; return list; }
  _queue(entry) {
    if (!this.#types.has(entry.entryType)) return;
    this.#buffer.push(entry);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#buffer.length === 0) return;
      const list = new PerformanceObserverEntryList(kInternal, this.takeRecords());
      this.#callback.call(this, list, this);
    });
  }
}
Object.defineProperty(PerformanceObserver.prototype, '_queue', { enumerable: false });

const performance = new Performance(kInternal);

function monitorEventLoopDelay() { throw errors.notSupported('perf_hooks.monitorEventLoopDelay'); }
function createHistogram() { throw errors.notSupported('perf_hooks.createHistogram'); }

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4, NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16, NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  performance, Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
  PerformanceObserverEntryList, PerformanceResourceTiming: class PerformanceResourceTiming extends PerformanceEntry {},
  monitorEventLoopDelay, createHistogram, constants,
};

// node:diagnostics_channel — named channels with subscribers, store binding and tracing channels.
'use strict';
const errors = internal.errors;
const channels = new Map(); // name → Channel

class Channel {
  constructor(name) {
    this._subscribers = [];
    this._stores = new Map(); // AsyncLocalStorage → transform
    this.name = name;
  }
  static [Symbol.hasInstance](instance) {
    return instance !== null && typeof instance === 'object' && Array.isArray(instance._subscribers) && 'name' in instance && instance._stores instanceof Map;
  }
  subscribe(subscription) {
    errors.validateFunction(subscription, 'subscription');
    this._subscribers = [...this._subscribers, subscription];
  }
  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    this._subscribers = this._subscribers.filter((_, i) => i !== index);
    return true;
  }
  bindStore(store, transform) { this._stores.set(store, transform); }
  unbindStore(store) { return this._stores.delete(store); }
  get hasSubscribers() { return this._subscribers.length > 0 || this._stores.size > 0; }
  publish(data) {
    for (const onMessage of this._subscribers) {
      try {
        onMessage(data, this.name);
      } catch (err) {
        internal.nextTick(() => { throw err; });
      }
    }
  }
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      const next = run;
      const value = transform ? transform(data) : data;
      run = () => store.run(value, next);
    }
    return run();
  }
}

function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') throw errors.invalidArgType('channel', ['string', 'symbol'], name);
  let ch = channels.get(name);
  if (!ch) { ch = new Channel(name); channels.set(name, ch); }
  return ch;
}
function hasSubscribers(name) { const ch = channels.get(name); return ch ? ch.hasSubscribers : false; }
function subscribe(name, subscription) { channel(name).subscribe(subscription); }
function unsubscribe(name, subscription) { return channel(name).unsubscribe(subscription); }

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const e of traceEvents) this[e] = channel(`tracing:${nameOrChannels}:${e}`);
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const e of traceEvents) {
        if (!(nameOrChannels[e] instanceof Channel)) throw errors.invalidArgType(`nameOrChannels.${e}`, 'Channel', nameOrChannels[e]);
        this[e] = nameOrChannels[e];
      }
    } else {
      throw errors.invalidArgType('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
    }
  }
  get hasSubscribers() { return traceEvents.some((e) => this[e].hasSubscribers); }
  subscribe(handlers) { for (const e of traceEvents) if (handlers[e]) this[e].subscribe(handlers[e]); }
  unsubscribe(handlers) {
    let done = true;
    for (const e of traceEvents) if (handlers[e] && !this[e].unsubscribe(handlers[e])) done = false;
    return done;
  }
  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    errors.validateFunction(callback, 'callback');
    function wrappedCallback(err, res) {
      if (err) { context.error = err; error.publish(context); } else { context.result = res; }
      asyncStart.runStores(context, () => {
        try { return Reflect.apply(callback, this, arguments); } finally { asyncEnd.publish(context); }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) { return new TracingChannel(nameOrChannels); }

module.exports = { channel, hasSubscribers, subscribe, unsubscribe, tracingChannel, Channel };

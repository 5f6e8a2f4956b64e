// unhandledRejection / rejectionHandled ordering and arguments (recorded with Node 22).
const seen = [];
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandledRejection', reason instanceof Error ? reason.message : reason, promise instanceof Promise);
  seen.push(promise);
});
process.on('rejectionHandled', (promise) => console.log('rejectionHandled', seen.indexOf(promise)));

Promise.reject(new Error('plain'));
(async () => { throw 'from async'; })();
const handledInTime = Promise.reject(1);
handledInTime.catch((v) => console.log('caught in time', v));
new Promise((_, reject) => setTimeout(() => reject('later'), 1));
Promise.reject(2).then(() => {}); // the derived promise is the unhandled one

setTimeout(() => {
  console.log('handling late');
  seen[0].catch(() => console.log('late catch 0'));
  seen[1].catch(() => {});
}, 20);
setTimeout(() => console.log('done', seen.length), 40);

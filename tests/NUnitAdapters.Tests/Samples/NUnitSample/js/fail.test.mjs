console.log('before the failure');
console.error('js-boom is coming');
process.exit(4);

// @skip waiting for issue 7
throw new Error('must not run');

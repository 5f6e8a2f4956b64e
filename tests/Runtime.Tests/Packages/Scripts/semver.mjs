import semver from 'semver';
console.log(semver.satisfies('1.2.3', '^1.0.0'), semver.maxSatisfying(['1.0.0', '1.5.0', '2.0.0'], '~1.4 || 1.5'), semver.inc('1.2.3-beta.1', 'prerelease'));
console.log(semver.sort(['1.10.0', '1.2.0', '1.2.0-rc.1']), semver.coerce('v3.4 final').version, semver.valid('nope'));

def log = new File(basedir, 'build.log').text
assert log.contains('(5 written, 0 unchanged, 0 deleted)') : 'run 1 generates'
assert log.contains('are up to date (spec, configuration and generator unchanged): nothing to do') : 'run 2 does no work'
assert new File(basedir, 'target/codex-testgen/state-default.json').isFile()
return true

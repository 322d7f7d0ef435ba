def log = new File(basedir, 'build.log').text
assert log.contains('codex-testgen:generate')
assert log.contains('specFile')
assert log.contains('codex-testgen.skip')
return true

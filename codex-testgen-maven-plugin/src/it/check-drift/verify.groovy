def log = new File(basedir, 'build.log').text
// invoker keeps the log of the last run only; runs 1 and 2 leave their traces in the files
assert log.contains('codex-testgen: check skipped (codex-testgen.check.skip)')
def logs = new File(basedir, '.').listFiles().findAll { it.name.startsWith('build') && it.name.endsWith('.log') }
def all = logs.collect { it.text }.join('\n')
assert all.contains('are up to date with v1.yaml') : 'run 1: generate then check passes'
assert all.contains('changed: apitests/PetsApiIT.java')
assert new File(basedir, 'target/codex-testgen/drift.diff').text.contains('--- a/apitests/PetsApiIT.java')
assert all.contains('run this, then review and commit the changes:')
assert new File(basedir, 'src/test/codex-testgen/apitests/PetsApiIT.java').text.contains('maximum 50') : 'check writes nothing'
return true

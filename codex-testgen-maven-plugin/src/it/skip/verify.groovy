assert !new File(basedir, 'src/test/codex-testgen').exists()
assert new File(basedir, 'build.log').text.contains('codex-testgen: skipped (codex-testgen.skip)')
return true

def dir = new File(basedir, 'src/test/codex-testgen/apitests')
assert new File(dir, 'PetsApiIT.java').text.contains('hand-written tests live here now') : 'a person\'s file survives'
assert !new File(dir, 'OwnersApiIT.java').exists() : 'the generated file of a removed operation is deleted'
assert new File(dir, 'ApiTestSupport.java').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('apitests/PetsApiIT.java: not overwritten: this file has no codex-testgen marker')
assert log.contains('deleted apitests/OwnersApiIT.java (its operations left the spec)')
return true

def log = new File(basedir, 'build.log').text
assert log.contains('codex-testgen could not generate tests from')
assert log.contains("error: openapi.yaml: paths./pets/{petId}.get.parameters[0]: \$ref '#/components/parameters/PetId' points to nothing")
assert !log.contains('at io.codextestgen') : 'no stack trace of ours in a normal build log'
def dir = new File(basedir, 'src/test/codex-testgen/apitests')
assert dir.list().toList() == ['PetsApiIT.java'] : 'nothing written'
assert new File(dir, 'PetsApiIT.java').text.contains('// previous output') : 'previous output intact'
return true

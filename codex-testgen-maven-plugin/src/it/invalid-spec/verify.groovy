def log = new File(basedir, 'build.log').text
assert log.contains('codex-testgen could not generate tests from')
assert log.contains("error: openapi.yaml: paths./pets/{petId}.get.parameters[0]: \$ref '#/components/parameters/PetId' points to nothing")
assert !log.contains('at io.codextestgen') : 'no stack trace of ours in a normal build log'
assert !new File(basedir, 'src/test/codex-testgen').exists() : 'nothing written'
return true

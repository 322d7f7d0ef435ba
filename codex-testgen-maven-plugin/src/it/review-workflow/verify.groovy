evaluate(new File(itSupport))

def spec = new File(basedir, 'src/main/resources/openapi.yaml')
def tests = new File(basedir, 'src/test/codex-testgen')
def log = new File(basedir, 'build.log').text
assert log.contains('from openapi.yaml -> src/test/codex-testgen') : 'specFile defaults to src/main/resources/openapi.yaml'
assert log.contains('are up to date with openapi.yaml')
def generated = snapshot(tests)
assert generated.keySet().containsAll(['com/example/apitests/PetsApiIT.java', 'com/example/apitests/OwnersApiIT.java'])

// 1. Descriptions, a summary and an example no test uses: no generated file changes, and check says so.
spec.text = spec.text.replace('Every pet the clinic knows.', 'Every pet the clinic has ever treated.')
    .replace('summary: Lists the owners.', 'summary: Lists every owner.')
    .replace('description: A pet.', 'description: An animal in our care.')
    .replace('name: Rex', 'name: Fido')
def run = mvnRun(basedir, 'mvn codex-testgen:check', 'run-1-check-after-description-edit.log')
assert run.exit == 0 : run.log
assert run.log.contains('are up to date with openapi.yaml')
run = mvnRun(basedir, 'mvn codex-testgen:generate', 'run-2-generate-after-description-edit.log')
assert run.exit == 0 : run.log
def unchanged = changedFiles(generated, snapshot(tests))
assert unchanged == [] : "an edit that changes no test changes no file: ${unchanged}"

// 2. One operation's constraint: check fails naming only that operation's class, and prints a command that,
//    run as printed, updates exactly that file.
spec.text = spec.text.replace('''operationId: listOwners
      summary: Lists every owner.
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 50 } }''', '''operationId: listOwners
      summary: Lists every owner.
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 20 } }''')
run = mvnRun(basedir, 'mvn codex-testgen:check', 'run-3-check-after-operation-edit.log')
assert run.exit != 0 : 'drift must fail the check'
assert run.log.contains('changed: com/example/apitests/OwnersApiIT.java') : run.log
assert !run.log.contains('PetsApiIT.java') && !run.log.contains('changed: com/example/apitests/ApiTestSupport.java')
assert run.log.contains('target/codex-testgen/drift.diff')
assert new File(basedir, 'target/codex-testgen/drift.diff').text.contains('+++ b/com/example/apitests/OwnersApiIT.java')
assert changedFiles(generated, snapshot(tests)) == [] : 'check writes no source'
def command = printedCommand(run.log)
assert command == 'mvn codex-testgen:generate'
run = mvnRun(basedir, command, 'run-4-the-printed-command.log')
assert run.exit == 0 : run.log
assert changedFiles(generated, snapshot(tests)) == ['com/example/apitests/OwnersApiIT.java']
assert new File(tests, 'com/example/apitests/OwnersApiIT.java').text.contains('maximum 20')
run = mvnRun(basedir, 'mvn codex-testgen:check', 'run-5-check-after-regenerating.log')
assert run.exit == 0 : run.log

// 3. The help goal's own advice, run as printed (with a goal for its placeholder).
run = mvnRun(basedir, 'mvn codex-testgen:help', 'run-6-help.log')
assert run.exit == 0 : run.log
def advice = run.log.readLines().find { it.contains('mvn codex-testgen:help -Ddetail=true') }
assert advice != null : run.log
command = (advice =~ /(mvn codex-testgen:help\S*(?: \S+)*?) to display/)[0][1].replace('<goal-name>', 'check')
run = mvnRun(basedir, command, 'run-7-help-detail.log')
assert run.exit == 0 : run.log
assert run.log.contains('src/main/resources/openapi.yaml')

// 4. Without a spec in the conventional place (and none configured), the error names the pom element.
assert spec.renameTo(new File(basedir, 'elsewhere.yaml'))
run = mvnRun(basedir, 'mvn codex-testgen:generate', 'run-8-no-spec.log')
assert run.exit != 0
assert run.log.contains('<specFile>: not set, and the project has none of src/main/resources/openapi.yaml') : run.log
assert run.log.count('not set, and the project has none of') == 1 : 'said once'
return true

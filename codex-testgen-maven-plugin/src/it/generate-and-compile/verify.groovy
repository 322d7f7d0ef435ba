def committed = new File(basedir, 'src/test/codex-testgen/com/example/petstore/tests')
assert new File(committed, 'ApiTestSupport.java').isFile()
assert new File(committed, 'PetsApiIT.java').isFile()
assert new File(committed, 'ResponseCheck.java').isFile() : 'the response check comes with the suite'
assert new File(committed, 'Triage.java').isFile() : 'and the triage'
assert new File(committed, 'SuiteSupport.java').isFile() : 'and the helpers that do not depend on the spec'
assert new File(basedir, 'target/test-classes/com/example/petstore/tests/PetsApiIT.class').isFile()
assert new File(basedir, 'target/generated-test-sources/codex-testgen/com/example/petstore/scratch/PetsApiIT.java').isFile()
assert new File(basedir, 'target/test-classes/com/example/petstore/scratch/PetsApiIT.class').isFile()

def source = new File(committed, 'PetsApiIT.java').text
assert source.contains('void listPets_valid()')
assert source.contains('void listPets_noCredentials_rejected()')
assert source.contains('void createPet_invalidBody_rejected(')
assert source =~ /(?s)void createPet_invalidBody_rejected\(.*?\.statusCode\(rejectedAs\("createPet", 422\)\)/ : 'malformedStatuses override'
assert source =~ /(?s)void listPets_burst_rateLimited\(.*?\.configuredLimit\(50, 60\)\s*\.assertLimited\(\);/ : 'rateLimits'
def burst = new File(committed, 'RateLimitBurst.java').text
assert burst.contains('public static final int MAX_REQUESTS = 120;') : 'rateLimitMaxRequests'
assert burst.contains('public static final int MAX_CONCURRENCY = 4;') : 'rateLimitConcurrency'
assert !source.contains('deletePet') : 'DELETE is opt-in'
assert !source.contains('\r')

def log = new File(basedir, 'build.log').text
assert log =~ /codex-testgen: \d+ tests for 2 of 3 operations, in 1 classes from petstore\.yaml -> src\/test\/codex-testgen \(6 written, 0 unchanged, 0 deleted\)/
assert log.contains('skipped DELETE /pets/{petId} (deletePet): DELETE is destructive')
def report = new File(basedir, 'target/codex-testgen/report.md')
assert report.isFile() : 'report for reviewers'
assert report.text.contains('| operations with tests | 2 of 3 |')
assert report.text.contains('DELETE /pets/{petId}` valid: DELETE is destructive')
assert new File(basedir, 'target/codex-testgen/report.json').text.contains('"operationsTotal" : 3')
assert log.contains('by family: auth ')
assert log.contains('report for reviewers: target/codex-testgen/report.md')
return true

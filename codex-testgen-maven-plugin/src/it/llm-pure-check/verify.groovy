import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput

evaluate(new File(itSupport))

// A model stub: every call is counted; it proposes one valid name.
def calls = new java.util.concurrent.atomic.AtomicInteger()
def authorization = new java.util.concurrent.atomic.AtomicReference()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
def proposals = JsonOutput.toJson([proposals: [[operationId: 'createPet', family: 'valid', location: 'body',
    target: '/name', value: '"Rex the Second"', expectedStatusClass: '2xx', semanticRule: false,
    rationale: 'a name with spaces']]])
server.createContext('/v1/chat/completions', { exchange ->
  calls.incrementAndGet()
  authorization.set(exchange.requestHeaders.getFirst('Authorization'))
  exchange.requestBody.text
  def body = JsonOutput.toJson([choices: [[message: [role: 'assistant', content: proposals], finish_reason: 'stop']],
      usage: [total_tokens: 42]]).getBytes('UTF-8')
  exchange.responseHeaders.add('Content-Type', 'application/json')
  exchange.sendResponseHeaders(200, body.length)
  exchange.responseBody.withStream { it.write(body) }
} as HttpHandler)
server.start()
try {
  // Where the model is: configured for every run, as a team would in .mvn/maven.config.
  new File(basedir, '.mvn').mkdirs()
  new File(basedir, '.mvn/maven.config').text =
      "-Dcodex-testgen.llm.endpoint=http://127.0.0.1:${server.address.port}/v1\n"
  def spec = new File(basedir, 'src/main/resources/openapi.yaml')
  def tests = new File(basedir, 'src/test/codex-testgen')
  def lock = new File(basedir, 'codex-testgen.llm.lock.json')

  def run = mvnRun(basedir, 'mvn codex-testgen:generate -Dcodex-testgen.llm.mode=record', 'run-1-record.log')
  assert run.exit == 0 : run.log
  assert calls.get() == 1
  assert lock.isFile()
  assert new File(tests, 'apitests/PetsApiIT.java').text.contains('LLM-suggested: a name with spaces')
  def lockText = lock.text
  def written = snapshot(tests)

  // check in record and refresh modes: replays, calls nothing, writes nothing
  for (mode in ['record', 'refresh']) {
    run = mvnRun(basedir, "mvn codex-testgen:check -Dcodex-testgen.llm.mode=${mode}", "run-2-check-${mode}.log")
    assert run.exit == 0 : run.log
    assert calls.get() == 1 : "check in ${mode} mode called the model"
  }

  // the spec changes, so the recorded answer no longer fits: check fails, says how to record, calls nothing
  spec.text = spec.text.replace('maxLength: 40', 'maxLength: 30')
  run = mvnRun(basedir, 'mvn codex-testgen:check -Dcodex-testgen.llm.mode=record', 'run-3-check-missing-answer.log')
  assert run.exit != 0
  assert run.log.contains('no recorded LLM answer for operation createPet') : run.log
  assert run.log.contains('-Dcodex-testgen.llm.mode=record')
  assert calls.get() == 1
  assert lock.text == lockText && changedFiles(written, snapshot(tests)) == []

  // a generation that fails after asking the model writes nothing: neither sources nor the lock file
  new File(basedir, 'target/blocked').mkdirs()
  new File(basedir, 'target/blocked/apitests').text = 'a file where the package directory must go'
  run = mvnRun(basedir, 'mvn codex-testgen:generate -Dcodex-testgen.llm.mode=record'
      + ' -Dcodex-testgen.outputDirectory=target/blocked', 'run-4-failed-generate.log')
  assert run.exit != 0
  assert run.log.contains('no file was changed') : run.log
  assert calls.get() == 2
  assert lock.text == lockText : 'a failed generation must not write the lock file'

  // what the check advised, then a check in the default (replay) mode
  run = mvnRun(basedir, 'mvn codex-testgen:generate -Dcodex-testgen.llm.mode=record', 'run-5-record-again.log')
  assert run.exit == 0 : run.log
  assert calls.get() == 3
  assert lock.text != lockText
  run = mvnRun(basedir, 'mvn codex-testgen:check', 'run-6-check-replay.log')
  assert run.exit == 0 : run.log
  assert calls.get() == 3

  // the API key from a <server> of settings.xml, its password decrypted as Maven does; never logged
  def security = new File(basedir, 'settings-security.xml').absolutePath
  run = mvnRun(basedir, 'mvn codex-testgen:generate -Dcodex-testgen.llm.mode=refresh'
      + ' -Dcodex-testgen.llm.serverId=codex-it-model -Dsettings.security=' + security, 'run-7-server-key.log')
  assert run.exit == 0 : run.log
  assert calls.get() == 4
  assert authorization.get() == 'Bearer sk-from-settings-xml'
  assert !run.log.contains('sk-from-settings-xml') && !lock.text.contains('sk-from-settings-xml')
  run = mvnRun(basedir, 'mvn codex-testgen:generate -Dcodex-testgen.llm.mode=refresh'
      + ' -Dcodex-testgen.llm.serverId=no-such-server', 'run-8-unknown-server.log')
  assert run.exit != 0
  assert run.log.contains("<llmServerId>: settings.xml has no <server> with the id 'no-such-server'") : run.log
  assert calls.get() == 4
} finally {
  server.stop(0)
}
return true

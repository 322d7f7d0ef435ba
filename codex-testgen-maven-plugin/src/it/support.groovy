// Shared by the verify scripts that run Maven themselves (evaluate(new File(itSupport))): commands are run as a
// user would type them, with only what every invoker run gets added (batch mode, offline, the IT's settings and
// local repository).
import java.security.MessageDigest

def settingsFile = File.createTempFile('it-settings', '.xml')
settingsFile.deleteOnExit()
settingsFile.setText(new File(itSettings).getText('UTF-8').replace('@localRepositoryUrl@',
    new File(buildLocalRepository).toURI().toString()), 'UTF-8')

mvnRun = { File dir, String commandLine, String logName ->
  def words = commandLine.trim().split(/\s+/) as List
  assert words[0] == 'mvn' : "not a Maven command: ${commandLine}"
  List command = [new File(mavenHome, 'bin/mvn').path, '-B', '-o', '-s', settingsFile.path,
      "-Dmaven.repo.local=${localRepositoryPath}"] +
      words.drop(1)
  command = command.collect { it.toString() }
  def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
  def output = process.inputStream.getText('UTF-8')
  process.waitFor()
  new File(dir, logName).setText("\$ ${commandLine}\n${output}", 'UTF-8')
  [exit: process.exitValue(), log: output]
}

// The command a failed check tells the user to run: the line after "run this, then review and commit".
printedCommand = { String log ->
  def lines = log.readLines().collect { it.replaceFirst(/^\[(ERROR|INFO|WARNING)\]\s?/, '').trim() }
  def at = lines.findIndexOf { it.contains('run this, then review and commit the changes:') }
  assert at >= 0 : "no command printed:\n${log}"
  lines[at + 1]
}

// Relative path -> SHA-256 of every file under dir.
snapshot = { File dir ->
  def hashes = new TreeMap()
  dir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    hashes[dir.toPath().relativize(file.toPath()).toString().replace('\\', '/')] =
        MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
  }
  hashes
}

changedFiles = { Map before, Map after ->
  ((before.keySet() + after.keySet()).findAll { before[it] != after[it] } as List).sort()
}

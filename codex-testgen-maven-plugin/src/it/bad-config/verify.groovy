def log = new File(basedir, 'build.log').text
assert log.contains('invalid plugin configuration')
assert log.contains("<basePackage>: 'com.example.Tests-1' is not a valid lower-case Java package name")
assert log.count('is not a valid lower-case Java package name') == 1 : 'said once'
return true

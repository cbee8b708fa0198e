import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// Sources, resources and test resources, and modern-client's jar, were all handed to the scanner.
assert log =~ /\[INFO\] regshift: scanning [3-9] directories of sources and resources and 1 dependency\R/
assert log =~ /\[INFO\] regshift: no deprecated endpoint uses found; scanned \d+ files/
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/regshift/regshift.json'))
assert report.findings == []
// Devices.java, application.properties, revoke-request.http, and the entries of modern-client-2.0.jar.
assert report.summary.filesScanned >= 5

def sarif = new JsonSlurper().parse(new File(basedir, 'target/regshift/regshift.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results == []
return true

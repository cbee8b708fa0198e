import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// build.log holds both builds; split it at each run of the goal.
def runs = log.split(/--- regshift:[^ ]+:scan /)
assert runs.length == 3

// The first build recorded legacy-client's finding in the project's directory, and passed.
assert runs[1].contains('[INFO] regshift: recorded 1 finding in the baseline ')
def baseline = new JsonSlurper().parse(new File(basedir, 'regshift-baseline.json'))
assert baseline.schemaVersion == 1
assert baseline.findings*.path == ['com.acme:legacy-client:1.0 (legacy-client-1.0.jar)!/com/acme/Client.class']

// The second read it and passed: nothing reported, the finding counted as in the baseline.
assert !runs[2].contains('recorded')
assert runs[2].contains('[INFO] regshift: no deprecated endpoint uses found (1 in the baseline)')

assert log.findAll('BUILD SUCCESS').size() == 2
assert !log.contains('[ERROR]')
return true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def entry = 'com.acme:legacy-client:1.0 (legacy-client-1.0.jar)!/com/acme/Client.class'

// The finding, Maven style, naming the class inside the dependency's jar.
assert log.contains("[ERROR] ${entry}:1: compiled code calls POST /accounts/{account_id}/devices/revoke, past its end of life")
// Its own sources are clean: no other finding.
assert log.findAll(/(?m)^\[ERROR\] [^ ].*:\d+: /).size() == 1

// The build fails in regshift:scan, with a summary that says how to fix and how to suppress.
assert log =~ /\[ERROR\] Failed to execute goal io\.regshift:regshift-maven-plugin:[^:]+:scan \(default\) on project legacy-app: regshift found 1 use of deprecated Cloudflare endpoints \(1 in 1 dependency\)/
assert log.contains('upgrade com.acme:legacy-client:1.0 to a version that calls the replacement endpoint')
assert log.contains('-Dregshift.writeBaseline=regshift-baseline.json')
assert log.contains('-Dregshift.failOnFindings=false')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/regshift/regshift.json'))
assert report.findings*.path == [entry]
assert report.findings*.ruleId == ['revoke-artifact']

// A relative reference: without the ./ the coordinates would read as a URI scheme (com.acme:).
def sarif = new JsonSlurper().parse(new File(basedir, 'target/regshift/regshift.sarif'))
assert sarif.runs[0].results*.locations*.physicalLocation*.artifactLocation*.uri.flatten() ==
    ['./com.acme:legacy-client:1.0%20(legacy-client-1.0.jar)!/com/acme/Client.class']
return true

// Both tests ran (a build that ran none would pass for the wrong reason).
def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.app.LegacyRevokeOnOkHttp4Test.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 2
assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0

// The enforcer ran (a build that skipped it would pass for the wrong reason) and found nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('Rule 0: org.apache.maven.enforcer.rules.dependency.DependencyConvergence passed')
assert log.contains('Rule 1: org.codehaus.mojo.extraenforcer.dependencies.BanDuplicateClasses passed')
assert new File(basedir, 'target/classes/com/acme/app/Clients.class').isFile()
